import 'server-only';
import { and, asc, desc, eq, inArray, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { avatarOf, avatarVersionColumn } from '../avatar';
import { getDb, type Database } from '../client';
import { preparedQuery } from '../prepared';
import { decodeCursor, encodeCursor, type Cursor } from '../cursor';
import { followers, posts, users } from '../schema';
import type { Viewer } from '../viewer';
import { signedIn } from './guards';

export const PAGE_SIZE = 25;

export interface PostDTO {
  id: number;
  body: string;
  /** ISO 8601, UTC. */
  timestamp: string;
  /** `avatar`: the avatar URL without a size (db/avatar.ts: avatarUrl adds one). */
  author: { username: string; avatar: string };
}

export interface PostPage {
  posts: PostDTO[];
  /** Cursor for the next, older page (`?before=`), or null at the end. */
  olderCursor: string | null;
  /** Cursor for the previous, newer page (`?after=`), or null on the first page. */
  newerCursor: string | null;
}

export type PostScope = { kind: 'home' } | { kind: 'explore' } | { kind: 'user'; userId: number };

/**
 * Which posts a scope shows. The home timeline is the viewer's own posts plus those of everyone they
 * follow: one IN over the followers primary key, no joins that could repeat a post.
 */
function scopeFilter(viewer: Viewer, scope: PostScope): SQL | undefined {
  switch (scope.kind) {
    case 'home':
      return homeFilter(getDb(), viewer.id);
    case 'user':
      return eq(posts.userId, scope.userId);
    case 'explore':
      return undefined;
  }
}

function homeFilter(db: Database, viewerId: number | Placeholder): SQL | undefined {
  return or(eq(posts.userId, viewerId), inArray(posts.userId, db.select({ id: followers.followedId }).from(followers).where(eq(followers.followerId, viewerId))));
}

// "(timestamp, id) before the cursor", written so the first conjunct is a plain range on timestamp:
// SQLite then seeks into the (user_id, timestamp) index instead of scanning every post.
const olderThan = (c: Cursor) =>
  and(sql`${posts.timestamp} <= ${c.timestamp}`, or(sql`${posts.timestamp} < ${c.timestamp}`, sql`${posts.id} < ${c.id}`));
const newerThan = (c: Cursor) =>
  and(sql`${posts.timestamp} >= ${c.timestamp}`, or(sql`${posts.timestamp} > ${c.timestamp}`, sql`${posts.id} > ${c.id}`));

/**
 * Picks the page's ids first from the covering (user_id, timestamp) index, then reads only those rows
 * with their authors: the home timeline sorts thousands of index entries, not thousands of table rows.
 */
function selectPostsQuery(db: Database, where: SQL | undefined, direction: 'older' | 'newer', limit: number) {
  const order = direction === 'older' ? [desc(posts.timestamp), desc(posts.id)] : [asc(posts.timestamp), asc(posts.id)];
  const pageIds = db.select({ id: posts.id }).from(posts).where(where).orderBy(...order).limit(limit);
  return db
    .select({
      id: posts.id,
      body: posts.body,
      timestamp: posts.timestamp,
      authorId: users.id,
      username: users.username,
      email: users.email,
      avatarVersion: avatarVersionColumn,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.userId))
    .where(inArray(posts.id, pageIds))
    .orderBy(...order);
}

async function selectPosts(where: SQL | undefined, direction: 'older' | 'newer', limit: number) {
  const rows = await selectPostsQuery(getDb(), where, direction, limit);
  return direction === 'older' ? rows : rows.reverse();
}

type Row = Awaited<ReturnType<typeof selectPosts>>[number];

/** The first page of a home timeline, its most requested page, within the window: built once. */
const recentHomeQuery = preparedQuery((db) =>
  selectPostsQuery(db, and(homeFilter(db, sql.placeholder('viewerId')), sql`${posts.timestamp} > ${sql.placeholder('since')}`), 'older', PAGE_SIZE + 1).prepare(),
);

/** How far back the home timeline looks first; see selectOlder. */
const HOME_WINDOW_MS = 24 * 3600 * 1000;

/**
 * The next page going back in time. The home timeline gathers the index entries of every followed
 * user before it can sort them, so it first looks only at the day before the cursor (or now): for an
 * active timeline that day already holds a page, read from a few hundred index entries instead of
 * thousands. A sparse timeline gets a second query without the window. Both only ever read the
 * (user_id, timestamp) index ranges of the viewer and the people they follow, never all posts.
 */
async function selectOlder(viewer: Viewer, scope: PostScope, where: SQL | undefined, before: Cursor | null) {
  if (scope.kind === 'home') {
    const since = (before?.timestamp ?? Date.now()) - HOME_WINDOW_MS;
    const recent = before
      ? await selectPosts(and(where, sql`${posts.timestamp} > ${since}`), 'older', PAGE_SIZE + 1)
      : await recentHomeQuery().all({ viewerId: viewer.id, since });
    if (recent.length > PAGE_SIZE) return recent;
  }
  return selectPosts(where, 'older', PAGE_SIZE + 1);
}

function toDTO(row: Row): PostDTO {
  return {
    id: row.id,
    body: row.body,
    timestamp: row.timestamp.toISOString(),
    author: { username: row.username, avatar: avatarOf({ id: row.authorId, email: row.email, avatarVersion: row.avatarVersion }) },
  };
}

const cursorOf = (row: Row) => encodeCursor({ timestamp: row.timestamp.getTime(), id: row.id });

/**
 * A page of posts, newest first, with authors, in one query. Signed-in viewers only.
 * `before` pages to older posts, `after` to newer ones; a malformed cursor means the first page.
 * @throws UnauthenticatedError without a viewer.
 */
export async function listPosts(
  viewer: Viewer | null,
  input: { scope: PostScope; before?: string | null; after?: string | null },
): Promise<PostPage> {
  const me = signedIn(viewer);
  const filter = scopeFilter(me, input.scope);
  const after = decodeCursor(input.after);
  const before = after ? null : decodeCursor(input.before);

  if (after) {
    // One extra row tells whether an even newer page exists.
    const rows = await selectPosts(and(filter, newerThan(after)), 'newer', PAGE_SIZE + 1);
    if (rows.length > PAGE_SIZE) {
      const page = rows.slice(1);
      return { posts: page.map(toDTO), newerCursor: cursorOf(page[0]), olderCursor: cursorOf(page[page.length - 1]) };
    }
    // Fewer than a page of newer posts: that is the first page.
  }

  const rows = await selectOlder(me, input.scope, before ? and(filter, olderThan(before)) : filter, before);
  const page = rows.slice(0, PAGE_SIZE);
  return {
    posts: page.map(toDTO),
    olderCursor: rows.length > PAGE_SIZE ? cursorOf(page[page.length - 1]) : null,
    newerCursor: before && page.length > 0 ? cursorOf(page[0]) : null,
  };
}

/**
 * Signed-in users post as themselves; the body is already validated (1 to 280 code points).
 * @throws UnauthenticatedError without a viewer.
 */
export async function createPost(viewer: Viewer | null, input: { body: string }): Promise<PostDTO['id']> {
  const me = signedIn(viewer);
  const [row] = await getDb()
    .insert(posts)
    .values({ body: input.body, userId: me.id, timestamp: new Date() })
    .returning({ id: posts.id });
  return row.id;
}
