import { z } from 'zod';

/**
 * The one password rule (design/architecture.md section 11): 8 to 72 bytes of UTF-8. bcrypt reads only
 * the first 72 bytes, so a longer password would match every password sharing its first 72 bytes;
 * such passwords are refused everywhere one is accepted: registration, sign-in, reset, settings, and
 * by the hashing and comparing functions themselves (db/password.ts), so no path can compare a cut one.
 */
export const PASSWORD_MIN_BYTES = 8;
export const PASSWORD_MAX_BYTES = 72;

export const passwordSchema = z
  .string({ error: 'Password is required.' })
  .min(1, 'Password is required.')
  .refine((v) => Buffer.byteLength(v, 'utf8') >= PASSWORD_MIN_BYTES, {
    message: `Password must be at least ${PASSWORD_MIN_BYTES} characters.`,
  })
  .refine((v) => Buffer.byteLength(v, 'utf8') <= PASSWORD_MAX_BYTES, {
    message: `Password must be at most ${PASSWORD_MAX_BYTES} bytes (about 72 letters; fewer with accents or emoji).`,
  });

/** Whether a password follows the rule; a password that does not can never match a stored hash. */
export function isAcceptablePassword(password: string): boolean {
  return passwordSchema.safeParse(password).success;
}
