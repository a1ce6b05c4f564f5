import 'server-only';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { avatarOf, avatarVersionColumn } from '../avatar';
import { getDb } from '../client';
import { NotFoundError, ValidationError } from '../errors';
import { followers, users } from '../schema';
import type { Viewer } from '../viewer';
import { signedIn } from './guards';
import { PAGE_SIZE } from './posts';

async function userIdByName(username: string): Promise<{ id: number; username: string }> {
  const [row] = await getDb().select({ id: users.id, username: users.username }).from(users).where(eq(users.username, username)).limit(1);
  if (!row) throw new NotFoundError(`User ${username} not found.`);
  return row;
}

/**
 * The viewer follows `username`. Following twice is harmless (the pair is the primary key).
 * @throws NotFoundError, ValidationError ("You cannot follow yourself!"), UnauthenticatedError.
 */
export async function followUser(viewer: Viewer | null, username: string): Promise<{ username: string }> {
  const me = signedIn(viewer);
  const target = await userIdByName(username);
  if (target.id === me.id) throw new ValidationError('You cannot follow yourself!');
  await getDb().insert(followers).values({ followerId: me.id, followedId: target.id }).onConflictDoNothing();
  return { username: target.username };
}

/**
 * The viewer stops following `username`; unfollowing someone not followed is harmless.
 * @throws NotFoundError, ValidationError ("You cannot unfollow yourself!"), UnauthenticatedError.
 */
export async function unfollowUser(viewer: Viewer | null, username: string): Promise<{ username: string }> {
  const me = signedIn(viewer);
  const target = await userIdByName(username);
  if (target.id === me.id) throw new ValidationError('You cannot unfollow yourself!');
  await getDb().delete(followers).where(and(eq(followers.followerId, me.id), eq(followers.followedId, target.id)));
  return { username: target.username };
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
