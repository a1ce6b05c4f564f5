import { z } from 'zod';
import { passwordSchema } from '@/db/password-rule';

export { PASSWORD_MAX_BYTES, PASSWORD_MIN_BYTES, passwordSchema } from '@/db/password-rule';

/** One set of account rules for the web forms and the API (design/architecture.md section 11). */
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 64;
export const EMAIL_MAX = 120;

export const usernameSchema = z
  .string({ error: 'Username is required.' })
  .trim()
  .min(1, 'Username is required.')
  .min(USERNAME_MIN, `Username must be at least ${USERNAME_MIN} characters.`)
  .max(USERNAME_MAX, `Username must be at most ${USERNAME_MAX} characters.`)
  .regex(/^[A-Za-z]/, 'Username must start with a letter.')
  .regex(/^[A-Za-z0-9_.-]*$/, 'Username may contain only letters, digits, "_", "." and "-".');

export const emailSchema = z
  .string({ error: 'Email is required.' })
  .trim()
  .min(1, 'Email is required.')
  .max(EMAIL_MAX, `Email must be at most ${EMAIL_MAX} characters.`)
  .pipe(z.email('Invalid email address.'))
  .transform((v) => v.toLowerCase());

export const registerSchema = z
  .object({
    username: usernameSchema,
    email: emailSchema,
    password: passwordSchema,
    password2: z.string({ error: 'Please repeat the password.' }).min(1, 'Please repeat the password.'),
  })
  .refine((v) => v.password === v.password2, { path: ['password2'], message: 'The passwords do not match.' });

/**
 * Login checks presence here. A password outside the password rule is not a form error but a failed
 * sign-in ("Invalid username or password"): the data layer refuses it (db/password-rule.ts) before
 * bcrypt could compare only its first 72 bytes.
 */
export const loginSchema = z.object({
  username: z.string({ error: 'Username is required.' }).trim().min(1, 'Username is required.').max(200),
  password: z.string({ error: 'Password is required.' }).min(1, 'Password is required.').max(1000),
  remember: z.boolean().default(false),
});
