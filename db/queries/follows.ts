import 'server-only';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { avatarOf, avatarVersionColumn } from '../avatar';
import { getDb } from '../client';
import { NotFoundError, ValidationError } from '../errors';
import { activities, followers, users } from '../schema';
import { announceUnreadActivity } from './activity-counts';
import type { Viewer } from '../viewer';
import { signedIn } from './guards';
import { PAGE_SIZE } from './posts';

/** Who to follow: a username (any case), as the web names users, or an id, as the API does. */
export type UserKey = string | { id: number };

async function userIdByName(key: UserKey): Promise<{ id: number; username: string }> {
  const where = typeof key === 'string' ? eq(users.username, key) : eq(users.id, key.id);
  const [row] = await getDb().select({ id: users.id, username: users.username }).from(users).where(where).limit(1);
  if (!row) throw new NotFoundError(typeof key === 'string' ? `User ${key} not found.` : 'User not found.');
  return row;
}

/**
 * The viewer follows a user. Following twice is harmless (the pair is the primary key); `changed`
 * tells whether this call started it (the API answers 409 when it did not).
 * @throws NotFoundError, ValidationError ("You cannot follow yourself!"), UnauthenticatedError.
 */
export async function followUser(viewer: Viewer | null, key: UserKey): Promise<{ username: string; changed: boolean }> {
  const me = signedIn(viewer);
  const target = await userIdByName(key);
  if (target.id === me.id) throw new ValidationError('You cannot follow yourself!');
  const db = getDb();
  // The followed user is notified once per follow (a repeated follow changes nothing), atomically.
  const [inserted] = await db.batch([
    db.insert(followers).values({ followerId: me.id, followedId: target.id }).onConflictDoNothing().returning({ id: followers.followedId }),
    db.run(sql`insert into ${activities} (user_id, kind, actor_id) select ${target.id}, 'follow', ${me.id} where changes() > 0`),
    announceUnreadActivity(target.id),
  ]);
  return { username: target.username, changed: inserted.length > 0 };
}

/**
 * The viewer stops following a user; unfollowing someone not followed is harmless (`changed` false).
 * @throws NotFoundError, ValidationError ("You cannot unfollow yourself!"), UnauthenticatedError.
 */
export async function unfollowUser(viewer: Viewer | null, key: UserKey): Promise<{ username: string; changed: boolean }> {
  const me = signedIn(viewer);
  const target = await userIdByName(key);
  if (target.id === me.id) throw new ValidationError('You cannot unfollow yourself!');
  const db = getDb();
  const [deleted] = await db.batch([
    db.delete(followers).where(and(eq(followers.followerId, me.id), eq(followers.followedId, target.id))).returning({ id: followers.followedId }),
    db.delete(activities).where(and(eq(activities.kind, 'follow'), eq(activities.userId, target.id), eq(activities.actorId, me.id))),
    announceUnreadActivity(target.id),
  ]);
  return { username: target.username, changed: deleted.length > 0 };
}

/** Whether the viewer follows user `id`. @throws NotFoundError for an unknown user; UnauthenticatedError. */
export async function isFollowing(viewer: Viewer | null, id: number): Promise<boolean> {
  const me = signedIn(viewer);
  const [row] = await getDb()
    .select({ following: sql<number>`exists(select 1 from followers f where f.follower_id = ${me.id} and f.followed_id = ${users.id})` })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!row) throw new NotFoundError('User not found.');
  return Boolean(row.following);
}

export interface UserRowDTO {
  id: number;
  username: string;
  aboutMe: string | null;
  /** The avatar URL without a size (db/avatar.ts: avatarUrl adds one). */
  avatar: string;
  isSelf: boolean;
  isFollowing: boolean;
}

export interface UserPage {
  users: UserRowDTO[];
  /** Pass as `after` for the next page, or null at the end. */
  nextCursor: string | null;
}

/**
 * Who follows `username` (direction 'followers') or whom they follow ('following'), 25 at a time,
 * ordered by user id (a keyset: `after` is the last id seen), with the viewer's follow state, in one query.
 * @throws NotFoundError, UnauthenticatedError.
 */
export async function listConnections(
  viewer: Viewer | null,
  input: { username: string; direction: 'followers' | 'following'; after?: string | null },
): Promise<{ owner: string; page: UserPage }> {
  const me = signedIn(viewer);
  const owner = await userIdByName(input.username);
  const after = /^\d{1,15}$/.test(input.after ?? '') ? Number(input.after) : 0;
  const [ownerColumn, otherColumn] =
    input.direction === 'followers' ? [followers.followedId, followers.followerId] : [followers.followerId, followers.followedId];
  const rows = await getDb()
    .select({
      id: users.id,
      username: users.username,
      email: users.email,
      avatarVersion: avatarVersionColumn,
      aboutMe: users.aboutMe,
      isFollowing: sql<number>`exists(select 1 from followers f2 where f2.follower_id = ${me.id} and f2.followed_id = ${sql.raw('"user"."id"')})`,
    })
    .from(followers)
    .innerJoin(users, eq(users.id, otherColumn))
    .where(and(eq(ownerColumn, owner.id), gt(otherColumn, after)))
    .orderBy(asc(otherColumn))
    .limit(PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  return {
    owner: owner.username,
    page: {
      users: page.map((r) => ({
        id: r.id,
        username: r.username,
        aboutMe: r.aboutMe,
        avatar: avatarOf(r),
        isSelf: r.id === me.id,
        isFollowing: Boolean(r.isFollowing),
      })),
      nextCursor: rows.length > PAGE_SIZE ? String(page[page.length - 1].id) : null,
    },
  };
}
