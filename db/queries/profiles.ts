import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { avatarOf, avatarVersionColumn } from '../avatar';
import type { NormalisedAvatar } from '../avatar-image';
import { getDb, type Database } from '../client';
import { NotFoundError, UnauthenticatedError } from '../errors';
import { users } from '../schema';
import type { Viewer } from '../viewer';
import { avatarWrite } from './avatars';
import { signedIn } from './guards';
import { assertAvailable, uniqueViolation } from './users';

export interface ProfileDTO {
  id: number;
  username: string;
  aboutMe: string | null;
  /** ISO 8601 UTC, or null if never seen. */
  lastSeen: string | null;
  /** The avatar URL without a size (db/avatar.ts: avatarUrl adds one). */
  avatar: string;
  followerCount: number;
  followingCount: number;
  postCount: number;
  isSelf: boolean;
  /** Whether the viewer follows this user. */
  isFollowing: boolean;
}

const OUTER_USER_ID = sql.raw('"user"."id"');

/** The one query of getProfile: the user named `username` with counts and `viewerId`'s follow state. */
function profileQuery(db: Database, viewerId: number, username: string) {
  return db
    .select({
      id: users.id,
      username: users.username,
      email: users.email,
      avatarVersion: avatarVersionColumn,
      aboutMe: users.aboutMe,
      lastSeen: users.lastSeen,
      // Correlated subqueries name the outer row explicitly: drizzle prints a lone table's columns
      // unqualified, and a bare "id" inside them would mean the subquery's own table.
      followerCount: sql<number>`(select count(*) from followers f where f.followed_id = ${OUTER_USER_ID})`,
      followingCount: sql<number>`(select count(*) from followers f where f.follower_id = ${OUTER_USER_ID})`,
      postCount: sql<number>`(select count(*) from post p where p.user_id = ${OUTER_USER_ID})`,
      isFollowing: sql<number>`exists(select 1 from followers f where f.follower_id = ${viewerId} and f.followed_id = ${OUTER_USER_ID})`,
    })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
}

/** getProfile's statement as drizzle prints it, for EXPLAIN QUERY PLAN (`npm run bench:scale`). */
export function profileStatement(viewerId: number, username: string): { sql: string; params: unknown[] } {
  return profileQuery(getDb(), viewerId, username).toSQL();
}

/**
 * A user's profile with its counts and the viewer's follow state, in one query. Signed-in viewers only.
 * @throws NotFoundError for an unknown username; UnauthenticatedError without a viewer.
 */
export async function getProfile(viewer: Viewer | null, username: string): Promise<ProfileDTO> {
  const me = signedIn(viewer);
  const [row] = await profileQuery(getDb(), me.id, username);
  if (!row) throw new NotFoundError(`User ${username} not found.`);
  return {
    id: row.id,
    username: row.username,
    aboutMe: row.aboutMe,
    lastSeen: row.lastSeen?.toISOString() ?? null,
    avatar: avatarOf(row),
    followerCount: Number(row.followerCount),
    followingCount: Number(row.followingCount),
    postCount: Number(row.postCount),
    isSelf: row.id === me.id,
    isFollowing: Boolean(row.isFollowing),
  };
}

/**
 * The viewer's own editable fields, with their avatar URL without a size (db/avatar.ts) and whether it is
 * an uploaded picture. @throws UnauthenticatedError
 */
export async function getOwnAccount(
  viewer: Viewer | null,
): Promise<{ username: string; email: string; aboutMe: string; avatar: string; hasPicture: boolean }> {
  const me = signedIn(viewer);
  const [row] = await getDb()
    .select({ id: users.id, username: users.username, email: users.email, aboutMe: users.aboutMe, avatarVersion: avatarVersionColumn })
    .from(users)
    .where(eq(users.id, me.id));
  if (!row) throw new UnauthenticatedError('Your session has ended. Please log in again.');
  return { username: row.username, email: row.email, aboutMe: row.aboutMe ?? '', avatar: avatarOf(row), hasPicture: row.avatarVersion !== null };
}

/**
 * The viewer changes their own username and about me (validated by the caller) and, with `avatar`,
 * their picture: a normalised upload (db/avatar-image.ts) replaces it, null removes it, undefined
 * keeps it. One batch: either everything is saved or nothing.
 * @throws ConflictError (field `username`) when another user has the name; UnauthenticatedError.
 */
export async function updateProfile(
  viewer: Viewer | null,
  input: { username: string; aboutMe: string; avatar?: NormalisedAvatar | null },
): Promise<void> {
  const me = signedIn(viewer);
  await assertAvailable({ username: input.username }, me.id);
  const db = getDb();
  const profile = db.update(users).set({ username: input.username, aboutMe: input.aboutMe || null }).where(eq(users.id, me.id));
  try {
    if (input.avatar === undefined) await profile;
    else await db.batch([profile, avatarWrite(db, me.id, input.avatar)]);
  } catch (error) {
    throw uniqueViolation(error) ?? error;
  }
}
