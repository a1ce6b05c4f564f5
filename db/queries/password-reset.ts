import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { NotFoundError } from '../errors';
import { passwordResetEmail } from '../mail/reset-email';
import { enqueueMail, type MailMessage, type RetryOptions } from '../mail/transport';
import { hashPassword } from '../password';
import { passwordResets, users } from '../schema';
import { endSessionsOf } from './sessions';

/** Reset links last 10 minutes and work once (design/architecture.md section 11). */
export const RESET_TOKEN_TTL_MS = 10 * 60_000;

export const INVALID_RESET_LINK = 'This password reset link is invalid, has expired or was already used.';

/** Only this hash is stored: a copy of the database cannot be used to reset anyone's password. */
export function hashResetToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 32 random bytes, base64url: 43 characters. Anything else cannot be one of ours. */
export const RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type SendMail = (message: MailMessage, options?: RetryOptions) => void;

/**
 * Anyone may ask. When a user has this (already normalised) e-mail, stores a new single-use token and
 * queues the reset e-mail with the absolute link `<origin>/reset-password/<token>` (or
 * `<resetUrl>?token=<token>`, for a client with its own reset page); otherwise does
 * nothing. Either way it returns nothing, so the caller cannot reveal whether the account exists.
 * Sending happens in the background (`send`, injectable for tests) and never fails the request.
 */
export async function requestPasswordReset(
  input: { email: string; origin: string; resetUrl?: string },
  options: { now?: Date; send?: SendMail } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const [user] = await getDb()
    .select({ id: users.id, username: users.username, email: users.email })
    .from(users)
    .where(eq(users.email, input.email))
    .limit(1);
  if (!user) return;
  const token = crypto.randomBytes(32).toString('base64url');
  await getDb().batch([
    // Tokens that expired more than a day ago are of no use to anyone.
    getDb()
      .delete(passwordResets)
      .where(lt(passwordResets.expiresAt, new Date(now.getTime() - 86_400_000))),
    getDb()
      .insert(passwordResets)
      .values({ tokenHash: hashResetToken(token), userId: user.id, expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS) }),
  ]);
  // A client with its own reset page (the REST API's PASSWORD_RESET_URL) gets `<its url>?token=<token>`.
  const url = input.resetUrl
    ? `${input.resetUrl}${input.resetUrl.includes('?') ? '&' : '?'}token=${token}`
    : `${input.origin.replace(/\/+$/, '')}/reset-password/${token}`;
  const send = options.send ?? enqueueMail;
  send(passwordResetEmail({ to: user.email, username: user.username, url }), {
    outboxNote: `Password reset link for ${user.username}: ${url}`,
  });
}

/** Anyone: whether a reset link would still work (unused, unexpired, ours). Does not use it up. */
export async function isPasswordResetTokenValid(token: string, now = new Date()): Promise<boolean> {
  if (!RESET_TOKEN_PATTERN.test(token)) return false;
  const [row] = await getDb()
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, hashResetToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .limit(1);
  return Boolean(row);
}

/**
 * The statement that uses up every unused reset link of a user, unexecuted: any change of the
 * password or the e-mail address puts it in its own batch, so a link mailed before the change (maybe
 * to an address the user no longer controls) cannot set a password afterwards.
 */
export function invalidateResetLinksOf(userId: number, now = new Date()) {
  return getDb()
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

/**
 * The batch that replaces a user's password (already hashed), whoever asks: with it, every session
 * of the user but `keepSessionId` ends (rows, and the session version API tokens check is bumped) and
 * every unused reset link stops working. Its first result is the user's `{ username, sessionVersion }`
 * (none when the user is gone).
 */
export function replacePasswordBatch(userId: number, passwordHash: string, options: { keepSessionId?: string; now?: Date } = {}) {
  return getDb().batch([
    getDb()
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ username: users.username, sessionVersion: users.sessionVersion }),
    endSessionsOf(userId, options.keepSessionId),
    invalidateResetLinksOf(userId, options.now),
  ]);
}

/**
 * Anyone holding a valid link: sets the new password (validated by the caller) and ends every session
 * of that user (replacePasswordBatch). The token is used up by one conditional UPDATE, so two racing
 * submissions cannot both succeed; the user's other outstanding links stop working too.
 * @throws NotFoundError (INVALID_RESET_LINK) for an unknown, forged, used or expired token.
 */
export async function resetPassword(input: { token: string; password: string }, now = new Date()): Promise<{ username: string }> {
  if (!RESET_TOKEN_PATTERN.test(input.token)) throw new NotFoundError(INVALID_RESET_LINK);
  // Hash first: if the password worker is busy, the link is not wasted.
  const passwordHash = await hashPassword(input.password);
  const [used] = await getDb()
    .update(passwordResets)
    .set({ usedAt: now })
    .where(
      and(eq(passwordResets.tokenHash, hashResetToken(input.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)),
    )
    .returning({ userId: passwordResets.userId });
  if (!used) throw new NotFoundError(INVALID_RESET_LINK);
  const [[user]] = await replacePasswordBatch(used.userId, passwordHash, { now });
  if (!user) throw new NotFoundError(INVALID_RESET_LINK);
  return { username: user.username };
}
