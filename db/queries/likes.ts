import 'server-only';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { avatarOf, avatarVersionColumn } from '../avatar';
import { getDb } from '../client';
import { NotFoundError } from '../errors';
import { likeNotification } from '../notification-rules';
import { activities, postLikes, posts, users } from '../schema';
import type { Viewer } from '../viewer';
import { announceUnreadActivity } from './activity-counts';
import { signedIn } from './guards';
import { PAGE_SIZE } from './posts';

export interface LikeState {
  liked: boolean;
  likeCount: number;
}

async function postAuthor(postId: number): Promise<number> {
  const [post] = await getDb().select({ userId: posts.userId }).from(posts).where(eq(posts.id, postId)).limit(1);
  if (!post) throw new NotFoundError('That post does not exist (any more).');
  return post.userId;
}

async function likeState(me: Viewer, postId: number): Promise<LikeState> {
  const [row] = await getDb()
    .select({
      likeCount: sql<number>`count(*)`,
      liked: sql<number>`coalesce(sum(${postLikes.userId} = ${me.id}), 0)`,
    })
    .from(postLikes)
    .where(eq(postLikes.postId, postId));
  return { liked: Boolean(row?.liked), likeCount: Number(row?.likeCount ?? 0) };
}

/**
 * The viewer likes post `postId` (liking twice changes nothing: the pair is the primary key). The
 * author is notified once, in the same transaction, unless it is their own post.
 * @throws NotFoundError; UnauthenticatedError.
 */
export async function likePost(viewer: Viewer | null, postId: number): Promise<LikeState> {
  const me = signedIn(viewer);
  const author = await postAuthor(postId);
  const db = getDb();
  const notify = likeNotification(author, me.id);
  await db.batch([
    db.insert(postLikes).values({ postId, userId: me.id }).onConflictDoNothing(),
    ...(notify !== null
      ? [
          db.run(sql`insert into ${activities} (user_id, kind, actor_id, post_id) select ${notify}, 'like', ${me.id}, ${postId} where changes() > 0`),
          announceUnreadActivity(notify),
        ]
      : []),
  ]);
  return likeState(me, postId);
}

/**
 * The viewer takes their like back (harmless if there was none); the author's notification goes too.
 * @throws NotFoundError; UnauthenticatedError.
 */
export async function unlikePost(viewer: Viewer | null, postId: number): Promise<LikeState> {
  const me = signedIn(viewer);
  const author = await postAuthor(postId);
  const db = getDb();
  await db.batch([
    db.delete(postLikes).where(and(eq(postLikes.postId, postId), eq(postLikes.userId, me.id))),
    db.delete(activities).where(and(eq(activities.kind, 'like'), eq(activities.postId, postId), eq(activities.actorId, me.id))),
    ...(likeNotification(author, me.id) !== null ? [announceUnreadActivity(author)] : []),
  ]);
  return likeState(me, postId);
}

export interface LikerDTO {
  id: number;
  username: string;
  /** The avatar URL without a size (db/avatar.ts). */
  avatar: string;
}

/**
 * Who liked post `postId`, 25 at a time ordered by user id (`after` is the last id seen: a keyset
 * over the primary key), in one query.
 * @throws NotFoundError; UnauthenticatedError.
 */
export async function listLikers(viewer: Viewer | null, input: { postId: number; after?: string | null }): Promise<{ users: LikerDTO[]; nextCursor: string | null }> {
  signedIn(viewer);
  await postAuthor(input.postId);
  const after = /^\d{1,15}$/.test(input.after ?? '') ? Number(input.after) : 0;
  const rows = await getDb()
    .select({ id: users.id, username: users.username, email: users.email, avatarVersion: avatarVersionColumn })
    .from(postLikes)
    .innerJoin(users, eq(users.id, postLikes.userId))
    .where(and(eq(postLikes.postId, input.postId), gt(postLikes.userId, after)))
    .orderBy(asc(postLikes.userId))
    .limit(PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  return {
    users: page.map((r) => ({ id: r.id, username: r.username, avatar: avatarOf(r) })),
    nextCursor: rows.length > PAGE_SIZE ? String(page[page.length - 1].id) : null,
  };
}
