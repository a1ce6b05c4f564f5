import { z } from 'zod';
import { emailSchema, passwordSchema } from './account';

export const resetRequestSchema = z.object({ email: emailSchema });

const repeatSchema = z.string({ error: 'Please repeat the password.' }).min(1, 'Please repeat the password.');
const currentSchema = z.string({ error: 'Your current password is required.' }).min(1, 'Your current password is required.').max(1000);

export const resetPasswordSchema = z
  .object({
    token: z.string().max(200),
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
