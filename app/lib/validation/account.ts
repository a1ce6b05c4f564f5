import { z } from 'zod';

/** One set of account rules for the web forms and the API (design/architecture.md section 11). */
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 64;
export const EMAIL_MAX = 120;
export const PASSWORD_MIN_BYTES = 8;
export const PASSWORD_MAX_BYTES = 72;

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

/** bcrypt reads only the first 72 bytes, so longer passwords are refused rather than cut silently. */
export const passwordSchema = z
  .string({ error: 'Password is required.' })
  .min(1, 'Password is required.')
  .refine((v) => Buffer.byteLength(v, 'utf8') >= PASSWORD_MIN_BYTES, {
    message: `Password must be at least ${PASSWORD_MIN_BYTES} characters.`,
  })
  .refine((v) => Buffer.byteLength(v, 'utf8') <= PASSWORD_MAX_BYTES, {
    message: `Password must be at most ${PASSWORD_MAX_BYTES} bytes (about 72 letters; fewer with accents or emoji).`,
  });

export const registerSchema = z
  .object({
    username: usernameSchema,
    email: emailSchema,
    password: passwordSchema,
    password2: z.string({ error: 'Please repeat the password.' }).min(1, 'Please repeat the password.'),
  })
  .refine((v) => v.password === v.password2, { path: ['password2'], message: 'The passwords do not match.' });

/** Login checks presence only: the rules of today must not lock out accounts made under older ones. */
export const loginSchema = z.object({
  username: z.string({ error: 'Username is required.' }).trim().min(1, 'Username is required.').max(200),
  password: z.string({ error: 'Password is required.' }).min(1, 'Password is required.').max(1000),
  remember: z.boolean().default(false),
});
