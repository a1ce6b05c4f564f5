import { z } from 'zod';
import { INVALID_RESET_LINK, RESET_TOKEN_PATTERN } from '@/db/queries/password-reset';
import { emailSchema, passwordSchema } from './account';

export const resetRequestSchema = z.object({ email: emailSchema });

const repeatSchema = z.string({ error: 'Please repeat the password.' }).min(1, 'Please repeat the password.');
const currentSchema = z.string({ error: 'Your current password is required.' }).min(1, 'Your current password is required.').max(1000);

export const resetPasswordSchema = z
  .object({
    // A forged or mangled link says so, like an expired one, not "Please correct the errors below.".
    token: z.string({ error: INVALID_RESET_LINK }).regex(RESET_TOKEN_PATTERN, INVALID_RESET_LINK),
    password: passwordSchema,
    password2: repeatSchema,
  })
  .refine((v) => v.password === v.password2, { path: ['password2'], message: 'The passwords do not match.' });

export const changePasswordSchema = z
  .object({
    currentPassword: currentSchema,
    newPassword: passwordSchema,
    newPassword2: repeatSchema,
  })
  .refine((v) => v.newPassword === v.newPassword2, { path: ['newPassword2'], message: 'The passwords do not match.' });

export const changeEmailSchema = z.object({
  email: emailSchema,
  password: currentSchema,
});
