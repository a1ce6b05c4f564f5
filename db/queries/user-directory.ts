import 'server-only';
import { and, asc, count, eq, gt, sql, type SQL } from 'drizzle-orm';
import { avatarOf, avatarVersionColumn } from '../avatar';
import { getDb } from '../client';
import { NotFoundError } from '../errors';
import { followers, users } from '../schema';
import type { Viewer } from '../viewer';
import { signedIn } from './guards';
import { offsetPage, type OffsetPage, type OffsetPageRequest } from './paging';

/**
 * A user as the REST API shows them to any signed-in user (design/api-contract.md section 2.1: the
 * e-mail address is part of it). Never the password hash, only whether there is one.
 */
export interface UserDTO {
  id: number;
  username: string;
  email: string;
  aboutMe: string | null;
  /** The avatar URL without a size (db/avatar.ts). */
  avatar: string;
  firstSeen: Date;
  /** The last activity, or the creation time for an account never seen since. */
  lastSeen: Date;
  hasPassword: boolean;
}

/** The columns of a UserDTO; also used by post queries for their authors. */
export const userDTOColumns = {
  id: users.id,
  username: users.username,
  email: users.email,
  aboutMe: users.aboutMe,
  firstSeen: users.firstSeen,
  lastSeen: users.lastSeen,
  hasPassword: sql<number>`${users.passwordHash} is not null`,
  avatarVersion: avatarVersionColumn,
};

type UserDTORow = { id: number; username: string; email: string; aboutMe: string | null; firstSeen: Date | null; lastSeen: Date | null; hasPassword: number; avatarVersion: string | null };

export function toUserDTO(row: UserDTORow): UserDTO {
  const firstSeen = row.firstSeen ?? new Date(0);
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    aboutMe: row.aboutMe,
    avatar: avatarOf(row),
    firstSeen,
    lastSeen: row.lastSeen ?? firstSeen,
    hasPassword: Boolean(row.hasPassword),
  };
}

/**
 * One user by id or by username (any case). Signed-in viewers only.
 * @throws NotFoundError, UnauthenticatedError.
 */
export async function getUser(viewer: Viewer | null, key: { id: number } | { username: string }): Promise<UserDTO> {
  signedIn(viewer);
  const where = 'id' in key ? eq(users.id, key.id) : eq(users.username, key.username);
  const [row] = await getDb().select(userDTOColumns).from(users).where(where).limit(1);
  if (!row) throw new NotFoundError('User not found.');
  return toUserDTO(row);
}

/**
 * Every user, by id (registration order), `limit` from `offset`. Signed-in viewers only.
 * @throws ValidationError for an offset past the end; UnauthenticatedError.
 */
export async function listUsers(viewer: Viewer | null, input: { limit: number; offset: number }): Promise<OffsetPage<UserDTO>> {
  signedIn(viewer);
  const [[{ total }], rows] = await getDb().batch([
    getDb().select({ total: count() }).from(users),
    getDb().select(userDTOColumns).from(users).orderBy(asc(users.id)).limit(input.limit).offset(input.offset),
  ]);
  return offsetPage(input, { total, before: 0 }, rows.map(toUserDTO));
}

/**
 * Whom user `userId` follows (direction 'following') or who follows them ('followers'), by username
 * (any case), `limit` from `offset` or after a username. Signed-in viewers only.
 * @throws NotFoundError for an unknown user; ValidationError for an offset past the end; UnauthenticatedError.
 */
export async function listFollowPage(
  viewer: Viewer | null,
  input: OffsetPageRequest<string> & { userId: number; direction: 'followers' | 'following' },
): Promise<OffsetPage<UserDTO>> {
  signedIn(viewer);
  const [ownerColumn, otherColumn] =
    input.direction === 'followers' ? [followers.followedId, followers.followerId] : [followers.followerId, followers.followedId];
  const inList = eq(ownerColumn, input.userId);
  const afterKey: SQL | undefined = input.after === undefined ? undefined : gt(users.username, input.after);
  const db = getDb();
  const [[owner], [counts], rows] = await db.batch([
    db.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).limit(1),
    db
      .select({
        total: count(),
        before: input.after === undefined ? sql<number>`0` : sql<number>`coalesce(sum(${users.username} <= ${input.after}), 0)`,
      })
      .from(followers)
      .innerJoin(users, eq(users.id, otherColumn))
      .where(inList),
    db
      .select(userDTOColumns)
      .from(followers)
      .innerJoin(users, eq(users.id, otherColumn))
      .where(and(inList, afterKey))
      .orderBy(asc(users.username))
      .limit(input.limit)
      .offset(input.offset ?? 0),
  ]);
  if (!owner) throw new NotFoundError('User not found.');
  return offsetPage(input, counts, rows.map(toUserDTO));
}
