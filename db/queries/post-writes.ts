import 'server-only';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { ForbiddenError, NotFoundError } from '../errors';
import { postNotifications } from '../notification-rules';
import { parseHashtags, parseMentions } from '../post-entities';
import { activities, postMentions, postTags, posts, users } from '../schema';
import type { Viewer } from '../viewer';
import { announceUnreadActivity } from './activity-counts';
import { signedIn } from './guards';
import { postsPerUser } from './posting-limits';
import { postsById, type PostDTO } from './posts';
import { consumeRateLimit } from './rate-limits';

/**
 * The id of the post the current transaction inserted last. `post.id` is AUTOINCREMENT, so SQLite
 * keeps it in sqlite_sequence; statements later in the same batch read it there, because
 * last_insert_rowid() changes with every insert (mentions, tags) in between. Writes are serialised,
 * so within the batch no other post can come between.
 */
const insertedPostId = sql`(select seq from sqlite_sequence where name = 'post')`;

/** Users the body mentions that exist, other than the author: ids and current usernames. */
async function mentionedUsers(authorId: number, body: string): Promise<{ id: number }[]> {
  const names = parseMentions(body);
  if (names.length === 0) return [];
  return getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.username, names), ne(users.id, authorId)));
}

/**
 * The statements that store a post's mentions and tags (post id given as SQL) and notify
 * `notifyOfMention` (postNotifications' `mentions`).
 */
function entityWrites(postId: ReturnType<typeof sql>, timestamp: Date, authorId: number, mentioned: { id: number }[], tags: string[], notifyOfMention: number[]) {
  const db = getDb();
  const writes = [];
  for (const user of mentioned) {
    writes.push(db.run(sql`insert into ${postMentions} (post_id, user_id) values (${postId}, ${user.id}) on conflict do nothing`));
    if (notifyOfMention.includes(user.id)) {
      // Once per post and person, also when an edit keeps or re-adds the mention.
      writes.push(
        db.run(sql`insert into ${activities} (user_id, kind, actor_id, post_id)
          select ${user.id}, 'mention', ${authorId}, ${postId}
          where not exists (select 1 from ${activities} where user_id = ${user.id} and kind = 'mention' and post_id = ${postId})`),
      );
    }
  }
  for (const tag of tags) {
    writes.push(db.run(sql`insert into ${postTags} (post_id, tag, timestamp) values (${postId}, ${tag}, ${timestamp.getTime()}) on conflict do nothing`));
  }
  return writes;
}

/**
 * The viewer posts `body` (validated by the caller: 1 to 280 code points), optionally as a reply to
 * post `inReplyToId`. The post, its @mentions and #hashtags, the notifications of the replied-to
 * author and of the mentioned users, and their new unread counts are one transaction.
 * Returns the new post's id.
 * @throws NotFoundError when the post replied to does not exist (any more); UnauthenticatedError;
 *   RateLimitedError past the posting limit (postsPerUser: replies count as posts).
 */
export async function createPost(viewer: Viewer | null, input: { body: string; inReplyToId?: number | null }): Promise<number> {
  const me = signedIn(viewer);
  await consumeRateLimit(postsPerUser(me.id));
  const db = getDb();
  let parentAuthor: number | null = null;
  if (input.inReplyToId != null) {
    const [parent] = await db.select({ userId: posts.userId }).from(posts).where(eq(posts.id, input.inReplyToId)).limit(1);
    if (!parent) throw new NotFoundError('The post you are replying to has been deleted.');
    parentAuthor = parent.userId;
  }
  const mentioned = await mentionedUsers(me.id, input.body);
  const now = new Date();
  const notify = postNotifications(me.id, parentAuthor, mentioned.map((u) => u.id));
  const notified = new Set([...notify.mentions, ...(notify.reply === null ? [] : [notify.reply])]);

  const results = await db.batch([
    db.insert(posts).values({ body: input.body, userId: me.id, timestamp: now, inReplyToId: input.inReplyToId ?? null }).returning({ id: posts.id }),
    ...(notify.reply !== null
      ? [db.run(sql`insert into ${activities} (user_id, kind, actor_id, post_id) values (${notify.reply}, 'reply', ${me.id}, ${insertedPostId})`)]
      : []),
    ...entityWrites(insertedPostId, now, me.id, mentioned, parseHashtags(input.body), notify.mentions),
    ...[...notified].map((userId) => announceUnreadActivity(userId)),
  ]);
  const [inserted] = results[0] as { id: number }[];
  return inserted.id;
}

/** The rule every change of a post shares: it exists, and it is the viewer's. Returns its author and parent. */
async function ownPost(me: Viewer, postId: number): Promise<{ userId: number; inReplyToId: number | null }> {
  const [post] = await getDb().select({ userId: posts.userId, inReplyToId: posts.inReplyToId }).from(posts).where(eq(posts.id, postId)).limit(1);
  if (!post) throw new NotFoundError('That post does not exist (any more).');
  if (post.userId !== me.id) throw new ForbiddenError('You can only change your own posts.');
  return post;
}

/**
 * The viewer's own post `postId` as lists show it, for the pages and endpoints that are about to
 * change it (the edit form, the delete confirmation, an API edit without a new text): the same rule
 * as updatePost and deletePost, without loading a thread.
 * @throws NotFoundError; ForbiddenError for someone else's post; UnauthenticatedError.
 */
export async function getOwnPost(viewer: Viewer | null, postId: number): Promise<PostDTO> {
  const me = signedIn(viewer);
  await ownPost(me, postId);
  const post = (await postsById(me, [postId])).get(postId);
  // Deleted between the two reads.
  if (!post) throw new NotFoundError('That post does not exist (any more).');
  return post;
}

/** Users whose notifications mention the post (their unread counts change when it does). */
async function usersNotifiedAbout(postId: number): Promise<number[]> {
  const rows = await getDb().selectDistinct({ userId: activities.userId }).from(activities).where(eq(activities.postId, postId));
  return rows.map((r) => r.userId);
}

/**
 * The author replaces the body of their post (validated by the caller) and it shows "edited". Its
 * mentions and hashtags follow the new text; newly mentioned users are notified, users no longer
 * mentioned lose that notification. One transaction.
 * @throws NotFoundError; ForbiddenError for someone else's post; UnauthenticatedError.
 */
export async function updatePost(viewer: Viewer | null, input: { postId: number; body: string }): Promise<void> {
  const me = signedIn(viewer);
  const post = await ownPost(me, input.postId);
  const db = getDb();
  const [{ timestamp }] = await db.select({ timestamp: posts.timestamp }).from(posts).where(eq(posts.id, input.postId));
  const mentioned = await mentionedUsers(me.id, input.body);
  const parentAuthor = post.inReplyToId === null ? null : ((await db.select({ userId: posts.userId }).from(posts).where(eq(posts.id, post.inReplyToId)))[0]?.userId ?? null);
  const affected = new Set([...(await usersNotifiedAbout(input.postId)), ...mentioned.map((u) => u.id)]);
  affected.delete(me.id);
  const id = sql`${input.postId}`;
  const keep = mentioned.map((u) => u.id);
  await db.batch([
    db.update(posts).set({ body: input.body, editedAt: new Date() }).where(eq(posts.id, input.postId)),
    db.delete(postMentions).where(eq(postMentions.postId, input.postId)),
    db.delete(postTags).where(eq(postTags.postId, input.postId)),
    db.run(
      keep.length > 0
        ? sql`delete from ${activities} where kind = 'mention' and post_id = ${input.postId} and user_id not in (${sql.join(keep.map((k) => sql`${k}`), sql`, `)})`
        : sql`delete from ${activities} where kind = 'mention' and post_id = ${input.postId}`,
    ),
    ...entityWrites(id, timestamp, me.id, mentioned, parseHashtags(input.body), postNotifications(me.id, parentAuthor, keep).mentions),
    ...[...affected].map((userId) => announceUnreadActivity(userId)),
  ]);
}

/**
 * The author deletes their post: its likes, mentions, tags and the notifications about it go with it;
 * replies to it stay (they show "This post was deleted" above them). One transaction.
 * @throws NotFoundError; ForbiddenError for someone else's post; UnauthenticatedError.
 */
export async function deletePost(viewer: Viewer | null, input: { postId: number }): Promise<void> {
  const me = signedIn(viewer);
  await ownPost(me, input.postId);
  const affected = (await usersNotifiedAbout(input.postId)).filter((id) => id !== me.id);
  const db = getDb();
  await db.batch([db.delete(posts).where(eq(posts.id, input.postId)), ...affected.map((userId) => announceUnreadActivity(userId))]);
}
