import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { UnauthenticatedError } from '../errors';
import { preparedQuery } from '../prepared';
import { apiTokens, users } from '../schema';
import type { Viewer } from '../viewer';
import { verifyCredentials } from './users';

/**
 * REST API token pairs (design/api-contract.md section 6): an opaque access token (15 minutes by
 * default) bound to one refresh token (7 days). Both are 32 random bytes, base64url (43 characters);
 * only their SHA-256 hashes are stored. A pair stops working when it expires, when it is refreshed or
 * revoked, or when the user's sessions are revoked (password change or reset, "Sign Out Everywhere"):
 * each pair keeps the user's session version at issue, and a pair behind the user's version is dead.
 */
export const REFRESH_TOKEN_TTL_MS = 7 * 86_400_000;
export const DEFAULT_ACCESS_TOKEN_TTL_MS = 15 * 60_000;
/** A refreshed pair keeps working this long: a client refreshes from several requests at once. */
export const REFRESH_GRACE_MS = 5_000;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** The user an access token belongs to, with what the API's wrapper needs (last seen, the pair's id). */
export interface ApiViewer extends Viewer {
  tokenId: number;
  lastSeen: Date | null;
}

export interface TokenOptions {
  now?: Date;
  /** Access token lifetime in milliseconds (default 15 minutes). */
  accessTtlMs?: number;
}

const UNAUTHENTICATED = 'Invalid or expired token.';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashApiToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

const newToken = () => crypto.randomBytes(32).toString('base64url');

function newPairRow(user: { id: number; sessionVersion: number }, now: Date, accessTtlMs: number) {
  const pair = { accessToken: newToken(), refreshToken: newToken() };
  const row = {
    userId: user.id,
    accessTokenHash: hashApiToken(pair.accessToken),
    refreshTokenHash: hashApiToken(pair.refreshToken),
    accessExpiresAt: new Date(now.getTime() + accessTtlMs),
    refreshExpiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
    sessionVersion: user.sessionVersion,
  };
  return { pair, row };
}

/**
 * Anyone: HTTP Basic sign-in with a username or e-mail and the password (bcrypt in the worker). Issues
 * a new pair and forgets pairs whose refresh token expired more than a day ago.
 * @throws UnauthenticatedError for an unknown user, a wrong password or an account without one.
 */
export async function issueTokenPair(input: { login: string; password: string }, options: TokenOptions = {}): Promise<TokenPair> {
  const now = options.now ?? new Date();
  const user = await verifyCredentials({ username: input.login, password: input.password }, { orEmail: true });
  if (!user) throw new UnauthenticatedError('Invalid username or password.');
  const { pair, row } = newPairRow(user, now, options.accessTtlMs ?? DEFAULT_ACCESS_TOKEN_TTL_MS);
  await getDb().batch([
    getDb()
      .delete(apiTokens)
      .where(lt(apiTokens.refreshExpiresAt, new Date(now.getTime() - 86_400_000))),
    getDb().insert(apiTokens).values(row),
  ]);
  return pair;
}

const authenticateQuery = preparedQuery((db) =>
  db
    .select({ tokenId: apiTokens.id, id: users.id, username: users.username, lastSeen: users.lastSeen })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.id, apiTokens.userId), eq(users.sessionVersion, apiTokens.sessionVersion)))
    .where(and(eq(apiTokens.accessTokenHash, sql.placeholder('hash')), gt(apiTokens.accessExpiresAt, sql.placeholder('now'))))
    .limit(1)
    .prepare(),
);

/**
 * The user of a bearer access token, or null when it is malformed, unknown, expired, refreshed or
 * revoked (grace included), or its user's sessions were revoked since. One query.
 */
export async function authenticateAccessToken(token: string, now = new Date()): Promise<ApiViewer | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await authenticateQuery().get({ hash: hashApiToken(token), now: now.getTime() });
  return row ?? null;
}

/**
 * Anyone holding a pair: a new pair for an access token (expired or not) and the refresh token bound
 * to it. The old pair keeps working for REFRESH_GRACE_MS, so concurrent refreshes with the same old
 * pair all succeed. Reuse detection: a matching pair whose refresh token has expired (it was refreshed
 * or revoked longer ago than the grace, or simply timed out) revokes every pair of that user.
 * @throws UnauthenticatedError for an unknown access token, a refresh token of another pair, a pair
 *   whose sessions were revoked, or a reused pair (after revoking all of the user's pairs).
 */
export async function refreshTokenPair(input: TokenPair, options: TokenOptions = {}): Promise<TokenPair> {
  const now = options.now ?? new Date();
  if (!TOKEN_PATTERN.test(input.accessToken) || !TOKEN_PATTERN.test(input.refreshToken)) throw new UnauthenticatedError(UNAUTHENTICATED);
  const [row] = await getDb()
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      refreshTokenHash: apiTokens.refreshTokenHash,
      refreshExpiresAt: apiTokens.refreshExpiresAt,
      accessExpiresAt: apiTokens.accessExpiresAt,
      sessionVersion: apiTokens.sessionVersion,
      userSessionVersion: users.sessionVersion,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.accessTokenHash, hashApiToken(input.accessToken)))
    .limit(1);
  const refreshHash = hashApiToken(input.refreshToken);
  if (!row || !crypto.timingSafeEqual(Buffer.from(row.refreshTokenHash), Buffer.from(refreshHash))) {
    throw new UnauthenticatedError(UNAUTHENTICATED);
  }
  if (row.sessionVersion !== row.userSessionVersion) throw new UnauthenticatedError(UNAUTHENTICATED);
  if (row.refreshExpiresAt.getTime() <= now.getTime()) {
    await revokeAllTokenPairs(row.userId);
    throw new UnauthenticatedError(UNAUTHENTICATED);
  }
  const graceEnd = new Date(now.getTime() + REFRESH_GRACE_MS);
  const { pair, row: next } = newPairRow({ id: row.userId, sessionVersion: row.sessionVersion }, now, options.accessTtlMs ?? DEFAULT_ACCESS_TOKEN_TTL_MS);
  await getDb().batch([
    // Shorten, never lengthen: a pair refreshed twice within the grace keeps the first deadline.
    getDb()
      .update(apiTokens)
      .set({
        accessExpiresAt: sql`min(${apiTokens.accessExpiresAt}, ${graceEnd.getTime()})`,
        refreshExpiresAt: sql`min(${apiTokens.refreshExpiresAt}, ${graceEnd.getTime()})`,
      })
      .where(eq(apiTokens.id, row.id)),
    getDb().insert(apiTokens).values(next),
  ]);
  return pair;
}

/**
 * The holder of an access token ends its pair at once (the access token and a later refresh with the
 * pair are then 401; a refresh is not counted as reuse). Unknown tokens are ignored.
 */
export async function revokeTokenPair(accessToken: string): Promise<void> {
  if (!TOKEN_PATTERN.test(accessToken)) return;
  await getDb().delete(apiTokens).where(eq(apiTokens.accessTokenHash, hashApiToken(accessToken)));
}

/** Every pair of the user ends (reuse detected). Their web sessions are not affected. */
export async function revokeAllTokenPairs(userId: number): Promise<void> {
  await getDb().delete(apiTokens).where(eq(apiTokens.userId, userId));
}

/**
 * After the viewer's own password change through the API (which revokes every session of theirs),
 * the pair that made the change is carried over to the new session version, as the web keeps the
 * browser that changed it signed in. Other pairs stay revoked.
 */
export async function keepTokenPair(viewer: ApiViewer, sessionVersion: number): Promise<void> {
  await getDb()
    .update(apiTokens)
    .set({ sessionVersion })
    .where(and(eq(apiTokens.id, viewer.tokenId), eq(apiTokens.userId, viewer.id)));
}
