import 'server-only';
import crypto from 'node:crypto';
import { and, desc, eq, fillPlaceholders, inArray, lte, ne, sql, type Placeholder } from 'drizzle-orm';
import { approximateAddress } from '../approximate-address';
import { getDb, withBusyDeadline } from '../client';
import { domainErrorOf, NotFoundError, UnavailableError } from '../errors';
import { sessions, users } from '../schema';
import type { Viewer } from '../viewer';
import { preparedQuery } from '../prepared';
import { signedIn } from './guards';
import { unreadCountSql } from './notifications';
import { unreadActivitySql } from './activity-counts';
import { sessionColumns, verifyCredentials, type SessionUser } from './users';

/**
 * A session unused this long has ended, whatever its cookie says (the same 30 days as the longest
 * cookie, "Remember Me"); its row is deleted at the user's next sign-in.
 */
export const SESSION_IDLE_LIMIT_MS = 30 * 24 * 60 * 60_000;

/** Activity ("last seen", a session's "last active") is written at most this often. */
export const ACTIVITY_WRITE_INTERVAL_MS = 60_000;

/** Where a sign-in came from, as the request told it (stored; shown approximately). */
export interface SignInClient {
  userAgent: string | null;
  clientAddress: string | null;
  remember: boolean;
}

/** One row of the Settings page's session list. Times are ISO 8601 UTC. */
export interface SessionDTO {
  id: string;
  userAgent: string | null;
  /** The client's network, not its address: IPv4 /24 or IPv6 /48 (null when unknown). */
  approximateAddress: string | null;
  createdAt: string;
  lastActive: string;
  remember: boolean;
  /** The session this request came with. */
  current: boolean;
}

/** The SQL condition "this session has not gone idle" at `nowMs` (a number, or a prepared query's placeholder). */
export function sessionIsFresh(nowMs: number | Placeholder) {
  return sql`${sessions.lastActive} > ${nowMs} - ${SESSION_IDLE_LIMIT_MS}`;
}

/** The session's user with what every page shows about them (the Messages badge), and the session's activity. */
export interface SessionUserWithCounts extends SessionUser {
  unreadMessages: number;
  /** Unread replies, mentions, likes and follows (the Notifications badge). */
  unreadActivity: number;
  /** When this session was last active (written at most once a minute). */
  sessionLastActive: Date;
}

/**
 * The user of a live session, with their unread message count for the navigation badge, in one
 * query (one per request, see app/lib/auth.ts): null when the session was ended (logout, "Sign out",
 * password change, reset, Sign Out Everywhere), went idle, or belongs to another user.
 */
export async function getSessionUser(session: { userId: number; sessionId: string }, now = Date.now()): Promise<SessionUserWithCounts | null> {
  const row = await sessionUserQuery().get({ userId: session.userId, sessionId: session.sessionId, now });
  return row ? { ...row, unreadMessages: Number(row.unreadMessages), unreadActivity: Number(row.unreadActivity) } : null;
}

const sessionUserQuery = preparedQuery((db) =>
  db
    .select({ ...sessionColumns, unreadMessages: unreadCountSql(sql.raw('"user"."id"')), unreadActivity: unreadActivitySql(sql.raw('"user"."id"')), sessionLastActive: sessions.lastActive })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('sessionId')), eq(sessions.userId, sql.placeholder('userId')), sessionIsFresh(sql.placeholder('now'))))
    .limit(1)
    .prepare(),
);

/** getSessionUser's prepared statement with its placeholders filled in, for EXPLAIN QUERY PLAN (`npm run bench:scale`). */
export function sessionUserStatement(session: { userId: number; sessionId: string }, now = Date.now()): { sql: string; params: unknown[] } {
  const { sql: text, params } = sessionUserQuery().getQuery();
  return { sql: text, params: fillPlaceholders(params, { ...session, now }) };
}

/**
 * Anyone: checks the credentials (db/queries/users.ts verifyCredentials, which refuses passwords
 * outside the rule) and on success starts a session: a new `session` row with a random id, which the
 * caller puts in the session cookie. The user's sessions that went idle are deleted in the same batch.
 * Returns null on any mismatch, like verifyCredentials.
 */
export async function signInWithPassword(
  credentials: { username: string; password: string },
  client: SignInClient,
  now = new Date(),
): Promise<(SessionUser & { sessionId: string }) | null> {
  const user = await verifyCredentials(credentials);
  if (!user) return null;
  const sessionId = crypto.randomBytes(32).toString('base64url');
  await getDb().batch([
    getDb()
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), lte(sessions.lastActive, new Date(now.getTime() - SESSION_IDLE_LIMIT_MS)))),
    getDb()
      .insert(sessions)
      .values({
        id: sessionId,
        userId: user.id,
        createdAt: now,
        lastActive: now,
        // Bounded: the header is the client's own text.
        userAgent: client.userAgent?.slice(0, 512) || null,
        clientAddress: client.clientAddress?.slice(0, 64) || null,
        remember: client.remember,
      }),
  ]);
  return { ...user, sessionId };
}

/**
 * Records that the viewer was active in this session: the user's "last seen" and the session's
 * "last active", each at most once a minute, decided by the UPDATEs' own WHERE (no read first, no
 * race), in one batch. Callers skip the call when the values they already loaded are recent. A
 * viewer without a session (scripts, tests) only updates "last seen".
 *
 * Best-effort: this write must never fail or hold back the page it rides on. It does not wait for a
 * locked database (one attempt), and a busy or full database is logged and skipped: the next request
 * a minute later tries again. Returns whether the database answered (false: skipped). Any other
 * error (a bug) is thrown.
 */
export async function touchActivity(viewer: Viewer, now = new Date()): Promise<boolean> {
  const staleBefore = now.getTime() - ACTIVITY_WRITE_INTERVAL_MS;
  try {
    // One attempt, no waiting for a locked database: see the note above.
    await withBusyDeadline(0, () =>
      getDb().batch([
        getDb()
          .update(users)
          .set({ lastSeen: now })
          .where(and(eq(users.id, viewer.id), sql`coalesce(${users.lastSeen}, 0) <= ${staleBefore}`)),
        getDb()
          .update(sessions)
          .set({ lastActive: now })
          .where(and(eq(sessions.id, viewer.sessionId ?? ''), eq(sessions.userId, viewer.id), lte(sessions.lastActive, new Date(staleBefore)))),
      ]),
    );
    return true;
  } catch (error) {
    const fault = domainErrorOf(error);
    if (!(fault instanceof UnavailableError)) throw error;
    const cause = (fault.cause as Error | undefined)?.message ?? '';
    console.warn(`last seen of user ${viewer.id} not recorded (${cause || fault.message})`);
    return false;
  }
}

/**
 * Counts a request as activity (a page with a session cookie, or an API call with a token): calls
 * touchActivity when the user's "last seen", or this session's "last active", is a minute old or
 * more; no query at all otherwise. The values are the ones the request's session read loaded.
 */
export async function recordActivity(viewer: Viewer, lastSeen: Date | null, sessionLastActive: Date | null = null, now = new Date()): Promise<void> {
  const stale = (at: Date | null) => !at || now.getTime() - at.getTime() >= ACTIVITY_WRITE_INTERVAL_MS;
  if (stale(lastSeen) || (viewer.sessionId !== undefined && stale(sessionLastActive))) await touchActivity(viewer, now);
}

/** The viewer's sessions that have not gone idle, most recently active first. @throws UnauthenticatedError */
export async function listSessions(viewer: Viewer | null, now = new Date()): Promise<SessionDTO[]> {
  const me = signedIn(viewer);
  const rows = await getDb()
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      clientAddress: sessions.clientAddress,
      createdAt: sessions.createdAt,
      lastActive: sessions.lastActive,
      remember: sessions.remember,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, me.id), sessionIsFresh(now.getTime())))
    .orderBy(desc(sessions.lastActive), desc(sessions.createdAt));
  return rows.map(({ clientAddress, createdAt, lastActive, ...row }) => ({
    ...row,
    approximateAddress: approximateAddress(clientAddress),
    createdAt: createdAt.toISOString(),
    lastActive: lastActive.toISOString(),
    current: row.id === me.sessionId,
  }));
}

/**
 * The viewer signs one of their own sessions out ("Sign out" in the session list).
 * @throws NotFoundError when the viewer has no such session (someone else's, or already ended); UnauthenticatedError.
 */
export async function revokeSession(viewer: Viewer | null, sessionId: string): Promise<void> {
  const me = signedIn(viewer);
  const ended = await getDb()
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, me.id)))
    .returning({ id: sessions.id });
  if (ended.length === 0) throw new NotFoundError('That session has already ended.');
}

/**
 * Logout: ends the session a cookie names. Whoever holds the (verified) cookie is its owner; the user
 * id must match too. Nothing happens when the session has already ended.
 */
export async function endSession(session: { userId: number; sessionId: string }): Promise<void> {
  await getDb()
    .delete(sessions)
    .where(and(eq(sessions.id, session.sessionId), eq(sessions.userId, session.userId)));
}

/**
 * The statement that ends every session of a user but `keepSessionId` (none kept when absent),
 * unexecuted, for the batch of the change that requires it (password change or reset, Sign Out
 * Everywhere).
 */
export function endSessionsOf(userId: number, keepSessionId?: string) {
  const mine = eq(sessions.userId, userId);
  return getDb()
    .delete(sessions)
    .where(keepSessionId ? and(mine, ne(sessions.id, keepSessionId)) : mine);
}

/**
 * Which of these session ids still name a live session: what the notification hub asks each poll to
 * end the streams of revoked sessions. Unexecuted, so the hub sends it in one batch with its poll.
 */
export function liveSessionsAmong(sessionIds: string[], now = Date.now()) {
  return getDb()
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(inArray(sessions.id, sessionIds), sessionIsFresh(now)));
}

/**
 * Whether the session a cookie names is still live. For proxy.ts before it renews a cookie (at most
 * once a day per session): a signed-out session's cookie is dropped instead of renewed.
 */
export async function isSessionLive(session: { userId: number; sessionId: string }, now = Date.now()): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, session.sessionId), eq(sessions.userId, session.userId), sessionIsFresh(now)))
    .limit(1);
  return Boolean(row);
}
