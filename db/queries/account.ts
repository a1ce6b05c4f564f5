import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { UnauthenticatedError, ValidationError } from '../errors';
import { hashPassword, verifyPassword } from '../password';
import { users } from '../schema';
import type { Viewer } from '../viewer';
import { invalidateResetLinksOf, replacePasswordBatch } from './password-reset';
import { endSessionsOf } from './sessions';
import { assertAvailable, uniqueViolation } from './users';

export const WRONG_PASSWORD = 'Your current password is not correct.';

function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new UnauthenticatedError('Your session has ended. Please log in again.');
  return viewer;
}

/** @throws ValidationError on `field` when the password is not the viewer's; UnauthenticatedError. */
async function assertOwnPassword(me: Viewer, password: string, field: string): Promise<void> {
  const [row] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, me.id)).limit(1);
  if (!row) throw new UnauthenticatedError('Your session has ended. Please log in again.');
  if (!row.passwordHash || !(await verifyPassword(password, row.passwordHash))) throw new ValidationError(WRONG_PASSWORD, field);
}

/**
 * The viewer changes their password (new one validated by the caller). In the same batch: every other
 * session of theirs ends (this one, `viewer.sessionId`, stays), the session version API tokens check
 * is bumped, and unused reset links stop working. Returns the new session version.
 * @throws ValidationError (field `currentPassword`) for a wrong current password; UnauthenticatedError.
 */
export async function changePassword(
  viewer: Viewer | null,
  input: { currentPassword: string; newPassword: string },
): Promise<{ sessionVersion: number }> {
  const me = requireViewer(viewer);
  await assertOwnPassword(me, input.currentPassword, 'currentPassword');
  const passwordHash = await hashPassword(input.newPassword);
  const [[row]] = await replacePasswordBatch(me.id, passwordHash, { keepSessionId: me.sessionId });
  if (!row) throw new UnauthenticatedError('Your session has ended. Please log in again.');
  return { sessionVersion: row.sessionVersion };
}

/**
 * The viewer changes their e-mail (validated and lower-cased by the caller), confirming with their
 * password, since the e-mail address can reset the password: reset links mailed to the old address
 * stop working in the same batch.
 * @throws ValidationError (field `password`); ConflictError (field `email`) when taken; UnauthenticatedError.
 */
export async function changeEmail(viewer: Viewer | null, input: { email: string; password: string }): Promise<void> {
  const me = requireViewer(viewer);
  await assertOwnPassword(me, input.password, 'password');
  await assertAvailable({ email: input.email }, me.id);
  try {
    await getDb().batch([getDb().update(users).set({ email: input.email }).where(eq(users.id, me.id)), invalidateResetLinksOf(me.id)]);
  } catch (error) {
    throw uniqueViolation(error) ?? error;
  }
}

/**
 * The viewer ends every one of their sessions, this one included, and bumps the session version
 * (which API tokens check). @throws UnauthenticatedError
 */
export async function signOutEverywhere(viewer: Viewer | null): Promise<void> {
  const me = requireViewer(viewer);
  await getDb().batch([
    getDb()
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, me.id)),
    endSessionsOf(me.id),
  ]);
}
