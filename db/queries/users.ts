import 'server-only';
import { and, eq, ne, or } from 'drizzle-orm';
import { getDb } from '../client';
import { ConflictError } from '../errors';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../password';
import { users } from '../schema';
import type { Viewer } from '../viewer';

/** What the session needs to know about its user on every request. */
export interface SessionUser {
  id: number;
  username: string;
  sessionVersion: number;
  lastSeen: Date | null;
}

/** The columns of SessionUser, for the queries that read it (here and db/queries/sessions.ts). */
export const sessionColumns = { id: users.id, username: users.username, sessionVersion: users.sessionVersion, lastSeen: users.lastSeen };

/** Maps SQLite's unique-constraint message to the form field and message a person understands. */
export function uniqueViolation(error: unknown): ConflictError | null {
  for (let e = error as { message?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    const message = typeof e.message === 'string' ? e.message : '';
    if (!message.includes('UNIQUE constraint failed')) continue;
    if (message.includes('user.username')) return new ConflictError('Please use a different username.', 'username');
    if (message.includes('user.email')) return new ConflictError('Please use a different email address.', 'email');
  }
  return null;
}

/**
 * Anyone may register. Input is already validated (app/lib/validation/account.ts); uniqueness is left
 * to the database's unique indexes, so two racing sign-ups cannot both win.
 * @throws ConflictError (field `username` or `email`) when either is taken.
 */
export async function registerUser(input: { username: string; email: string; password: string }): Promise<Viewer> {
  // Report every taken value at once; the unique indexes still decide a race between two sign-ups.
  await assertAvailable(input);
  const passwordHash = await hashPassword(input.password);
  try {
    const [row] = await getDb()
      .insert(users)
      .values({ username: input.username, email: input.email, passwordHash })
      .returning({ id: users.id, username: users.username });
    return row;
  } catch (error) {
    throw uniqueViolation(error) ?? error;
  }
}

/** @throws ConflictError naming each of username and email that another user already has. */
export async function assertAvailable(input: { username?: string; email?: string }, exceptUserId = 0): Promise<void> {
  const checks = [
    input.username !== undefined ? eq(users.username, input.username) : undefined,
    input.email !== undefined ? eq(users.email, input.email) : undefined,
  ].filter((c) => c !== undefined);
  const taken = await getDb()
    .select({ username: users.username, email: users.email })
    .from(users)
    .where(and(or(...checks), ne(users.id, exceptUserId)))
    .limit(2);
  const fields: Record<string, string> = {};
  if (input.username !== undefined && taken.some((u) => u.username.toLowerCase() === input.username!.toLowerCase())) {
    fields.username = 'Please use a different username.';
  }
  if (input.email !== undefined && taken.some((u) => u.email === input.email)) fields.email = 'Please use a different email address.';
  const [first] = Object.keys(fields);
  if (first) throw new ConflictError(fields[first], undefined, fields);
}

/**
 * Checks a username (any case), or with `orEmail` also an e-mail address, and a password. Unknown users are compared against a dummy hash so the
 * answer takes as long either way. Returns null on any mismatch.
 */
export async function verifyCredentials(
  input: { username: string; password: string },
  options: { orEmail?: boolean } = {},
): Promise<SessionUser | null> {
  // Usernames cannot contain "@", so a login with one can only be an e-mail (stored lower-cased).
  const byEmail = options.orEmail && input.username.includes('@');
  const [row] = await getDb()
    .select({ ...sessionColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(byEmail ? eq(users.email, input.username.trim().toLowerCase()) : eq(users.username, input.username))
    .limit(1);
  const ok = await verifyPassword(input.password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !row.passwordHash || !ok) return null;
  return { id: row.id, username: row.username, sessionVersion: row.sessionVersion, lastSeen: row.lastSeen };
}
