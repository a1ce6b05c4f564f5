import 'server-only';
import { and, asc, count, desc, eq, fillPlaceholders, inArray, lt, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { avatarOf, avatarVersionColumn } from '../avatar';
import { getDb, type Database } from '../client';
import { preparedQuery } from '../prepared';
import { decodeCursor, encodeCursor, type Cursor } from '../cursor';
import { followers, postTags, posts, users } from '../schema';
import type { Viewer } from '../viewer';
import { NotFoundError } from '../errors';
import { signedIn } from './guards';
import { offsetPage, type OffsetPage, type OffsetPageRequest } from './paging';
import { toUserDTO, userDTOColumns, type UserDTO } from './user-directory';

export const PAGE_SIZE = 25;

export interface PostDTO {
  id: number;
  body: string;
  /** ISO 8601, UTC. */
  timestamp: string;
  /** `avatar`: the avatar URL without a size (db/avatar.ts: avatarUrl adds one). */
  author: { username: string; avatar: string };
  /** ISO 8601, UTC, when the author last edited the body; null if never. */
  editedAt: string | null;
  /** The post this one answers: its id and author, or `username: null` when it was deleted. */
  inReplyTo: { id: number; username: string | null } | null;
  likeCount: number;
  replyCount: number;
  likedByViewer: boolean;
  /** Current usernames of the users the post @mentioned when written (the ones its text links). */
  mentions: string[];
}

export interface PostPage {
  posts: PostDTO[];
  /** Cursor for the next, older page (`?before=`), or null at the end. */
  olderCursor: string | null;
  /** Cursor for the previous, newer page (`?after=`), or null on the first page. */
  newerCursor: string | null;
}

export type PostScope = { kind: 'home' } | { kind: 'explore' } | { kind: 'user'; userId: number } | { kind: 'tag'; tag: string };

/**
 * Which posts a scope shows. The home timeline is the viewer's own posts plus those of everyone they
 * follow: one IN over the followers primary key, no joins that could repeat a post.
 */
function scopeFilter(db: Database, viewerId: number | Placeholder, scope: PostScope): SQL | undefined {
  switch (scope.kind) {
    case 'home':
      return homeFilter(db, viewerId);
    case 'user':
      return eq(posts.userId, scope.userId);
    case 'explore':
      return undefined;
    case 'tag':
      return inArray(posts.id, db.select({ id: postTags.postId }).from(postTags).where(eq(postTags.tag, scope.tag)));
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
 * The counts every representation of a post carries (web lists and the REST API alike): likes,
 * replies, and whether the viewer liked it. Correlated subqueries over primary keys and indexes,
 * evaluated only for the page's rows, so a page of posts stays one statement.
 */
function postCounts(viewerId: number | Placeholder) {
  return {
    inReplyToId: posts.inReplyToId,
    editedAt: posts.editedAt,
    likeCount: sql<number>`(select count(*) from post_like pl where pl.post_id = "post"."id")`,
    replyCount: sql<number>`(select count(*) from post pr where pr.in_reply_to_id = "post"."id")`,
    likedByViewer: sql<number>`exists(select 1 from post_like pl where pl.post_id = "post"."id" and pl.user_id = ${viewerId})`,
  };
}

/**
 * What every web list of posts shows besides the post itself: postCounts, plus the author of the post
 * it answers and whom it mentions (for "Replying to @name" and the body's links). Still one statement.
 */
function postExtras(viewerId: number | Placeholder) {
  return {
    ...postCounts(viewerId),
    replyToUsername: sql<string | null>`(select pu.username from post pp join "user" pu on pu.id = pp.user_id where pp.id = "post"."in_reply_to_id")`,
    mentionsJson: sql<string | null>`(select json_group_array(mu.username) from post_mention pm join "user" mu on mu.id = pm.user_id where pm.post_id = "post"."id")`,
  };
}

/**
 * Picks the page's ids first from the covering (user_id, timestamp) index, then reads only those rows
 * with their authors: the home timeline sorts thousands of index entries, not thousands of table rows.
 */
function selectPostsQuery(db: Database, viewerId: number | Placeholder, where: SQL | undefined, direction: 'older' | 'newer', limit: number) {
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
      ...postExtras(viewerId),
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.userId))
    .where(inArray(posts.id, pageIds))
    .orderBy(...order);
}

/** Posts matching `where`, newest first (a page going back: 'older'), or oldest first for 'newer' then reversed. */
async function selectPosts(viewerId: number, where: SQL | undefined, direction: 'older' | 'newer', limit: number) {
  const rows = await selectPostsQuery(getDb(), viewerId, where, direction, limit);
  return direction === 'older' ? rows : rows.reverse();
}

/** Posts by id, in no particular order, with what lists show (threads, search results). */
export async function postsById(viewer: Viewer, ids: number[]): Promise<Map<number, PostDTO>> {
  if (ids.length === 0) return new Map();
  const rows = await selectPostsQuery(getDb(), viewer.id, inArray(posts.id, ids), 'older', ids.length);
  return new Map(rows.map((row) => [row.id, toDTO(row)]));
}

/** Posts matching `where`, oldest first (replies under a post), with the cursor helpers of pages. */
export async function selectPostsOldestFirst(viewer: Viewer, where: SQL | undefined, limit: number): Promise<PostRowWithCursor[]> {
  const rows = await selectPostsQuery(getDb(), viewer.id, where, 'newer', limit);
  return rows.map((row) => ({ post: toDTO(row), cursor: cursorOf(row) }));
}

export interface PostRowWithCursor {
  post: PostDTO;
  cursor: string;
}

type Row = Awaited<ReturnType<typeof selectPostsQuery>>[number];

/** How far back the home timeline looks first; see selectOlder. */
const HOME_WINDOW_MS = 24 * 3600 * 1000;

/**
 * The page of `scope` going back from `before` (null: the first page), one row more than a page to
 * tell whether an older one exists. `since` (ms, or a placeholder) limits it to posts after that time:
 * the home timeline's first try (see selectOlder).
 */
function olderPageQuery(db: Database, viewerId: number | Placeholder, scope: PostScope, before: Cursor | null, since: number | Placeholder | null) {
  const where = and(scopeFilter(db, viewerId, scope), before ? olderThan(before) : undefined, since === null ? undefined : sql`${posts.timestamp} > ${since}`);
  return selectPostsQuery(db, viewerId, where, 'older', PAGE_SIZE + 1);
}

/** The first page of a home timeline, its most requested page, within the window: built once. */
const recentHomeQuery = preparedQuery((db) => olderPageQuery(db, sql.placeholder('viewerId'), { kind: 'home' }, null, sql.placeholder('since')).prepare());

/**
 * The next page going back in time. The home timeline gathers the index entries of every followed
 * user before it can sort them, so it first looks only at the day before the cursor (or now): for an
 * active timeline that day already holds a page, read from a few hundred index entries instead of
 * thousands. A sparse timeline gets a second query without the window. Both only ever read the
 * (user_id, timestamp) index ranges of the viewer and the people they follow, never all posts.
 */
async function selectOlder(viewerId: number, scope: PostScope, before: Cursor | null) {
  if (scope.kind === 'home') {
    const since = (before?.timestamp ?? Date.now()) - HOME_WINDOW_MS;
    const recent = before ? await olderPageQuery(getDb(), viewerId, scope, before, since) : await recentHomeQuery().all({ viewerId, since });
    if (recent.length > PAGE_SIZE) return recent;
  }
  return olderPageQuery(getDb(), viewerId, scope, before, null);
}

function toDTO(row: Row): PostDTO {
  return {
    id: row.id,
    body: row.body,
    timestamp: row.timestamp.toISOString(),
    author: { username: row.username, avatar: avatarOf({ id: row.authorId, email: row.email, avatarVersion: row.avatarVersion }) },
    editedAt: row.editedAt ? row.editedAt.toISOString() : null,
    inReplyTo: row.inReplyToId === null ? null : { id: row.inReplyToId, username: row.replyToUsername ?? null },
    likeCount: Number(row.likeCount),
    replyCount: Number(row.replyCount),
    likedByViewer: Boolean(row.likedByViewer),
    mentions: row.mentionsJson ? (JSON.parse(row.mentionsJson) as string[]) : [],
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
  const after = decodeCursor(input.after);
  const before = after ? null : decodeCursor(input.before);

  if (after) {
    // One extra row tells whether an even newer page exists.
    const rows = await selectPosts(me.id, and(scopeFilter(getDb(), me.id, input.scope), newerThan(after)), 'newer', PAGE_SIZE + 1);
    if (rows.length > PAGE_SIZE) {
      const page = rows.slice(1);
      return { posts: page.map(toDTO), newerCursor: cursorOf(page[0]), olderCursor: cursorOf(page[page.length - 1]) };
    }
    // Fewer than a page of newer posts: that is the first page.
  }

  const rows = await selectOlder(me.id, input.scope, before);
  const page = rows.slice(0, PAGE_SIZE);
  return {
    posts: page.map(toDTO),
    olderCursor: rows.length > PAGE_SIZE ? cursorOf(page[page.length - 1]) : null,
    newerCursor: before && page.length > 0 ? cursorOf(page[0]) : null,
  };
}

/** A statement as drizzle prints it (`toSQL()`), with a name saying when it is sent. */
export interface NamedStatement {
  name: string;
  sql: string;
  params: unknown[];
}

/**
 * The statements listPosts sends for `viewerId`'s page of `scope` before the cursor `before` (null:
 * the first page), built by the same code, for EXPLAIN QUERY PLAN (`npm run bench:scale`): for the
 * home timeline the day-window query (page 1: the prepared one, with its placeholders filled in) and
 * the query over all time it falls back to; one statement for other scopes.
 */
export function postPageStatements(viewerId: number, scope: PostScope, before: string | null): NamedStatement[] {
  const db = getDb();
  const cursor = decodeCursor(before);
  const all = olderPageQuery(db, viewerId, scope, cursor, null).toSQL();
  if (scope.kind !== 'home') return [{ name: 'page', ...all }];
  const since = (cursor?.timestamp ?? Date.now()) - HOME_WINDOW_MS;
  const windowed = cursor
    ? olderPageQuery(db, viewerId, scope, cursor, since).toSQL()
    : (({ sql: text, params }) => ({ sql: text, params: fillPlaceholders(params, { viewerId, since }) }))(recentHomeQuery().getQuery());
  return [
    { name: 'the day before the cursor', ...windowed },
    { name: 'fallback when that day holds less than a page', ...all },
  ];
}

/** A post with its whole author, as the REST API shows it. */
export interface FullPostDTO {
  id: number;
  body: string;
  timestamp: Date;
  author: UserDTO;
  /** When the author last edited the body; null if never. */
  editedAt: Date | null;
  /** The id of the post this one answers (which may have been deleted since), or null. */
  inReplyToId: number | null;
  likeCount: number;
  replyCount: number;
  likedByViewer: boolean;
}

function selectFullPosts(viewerId: number) {
  const { id: _id, ...author } = userDTOColumns;
  return getDb()
    .select({ id: posts.id, body: posts.body, timestamp: posts.timestamp, authorId: posts.userId, ...author, ...postCounts(viewerId) })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.userId));
}

type FullRow = Awaited<ReturnType<ReturnType<typeof selectFullPosts>['all']>>[number];

function toFullDTO(row: FullRow): FullPostDTO {
  return {
    id: row.id,
    body: row.body,
    timestamp: row.timestamp,
    author: toUserDTO({ ...row, id: row.authorId }),
    editedAt: row.editedAt,
    inReplyToId: row.inReplyToId,
    likeCount: Number(row.likeCount),
    replyCount: Number(row.replyCount),
    likedByViewer: Boolean(row.likedByViewer),
  };
}

/** Full posts by id, in the order of `ids` (missing ones left out): one statement. */
export async function fullPostsById(viewer: Viewer, ids: number[]): Promise<FullPostDTO[]> {
  if (ids.length === 0) return [];
  const rows = await selectFullPosts(viewer.id).where(inArray(posts.id, ids));
  const byId = new Map(rows.map((row) => [row.id, toFullDTO(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * A page of a scope's posts, newest first, `limit` from `offset` or after a time: `afterMs` returns
 * posts strictly older than it (ties skipped), and the page's offset is then the number of posts at
 * or after it. Three statements in one batch: the user check, the counts and the page.
 * @throws NotFoundError for a user scope of an unknown user; ValidationError for an offset past the
 *   end; UnauthenticatedError.
 */
export async function listPostsPage(viewer: Viewer | null, input: OffsetPageRequest<number> & { scope: PostScope }): Promise<OffsetPage<FullPostDTO>> {
  const me = signedIn(viewer);
  const db = getDb();
  const filter = scopeFilter(db, me.id, input.scope);
  const ownerId = input.scope.kind === 'user' ? input.scope.userId : me.id;
  const [[owner], [counts], rows] = await db.batch([
    db.select({ id: users.id }).from(users).where(eq(users.id, ownerId)).limit(1),
    db
      .select({
        total: count(),
        before: input.after === undefined ? sql<number>`0` : sql<number>`coalesce(sum(${posts.timestamp} >= ${input.after}), 0)`,
      })
      .from(posts)
      .where(filter),
    selectFullPosts(me.id)
      .where(and(filter, input.after === undefined ? undefined : lt(posts.timestamp, new Date(input.after))))
      .orderBy(desc(posts.timestamp), desc(posts.id))
      .limit(input.limit)
      .offset(input.offset ?? 0),
  ]);
  if (!owner) throw new NotFoundError('User not found.');
  return offsetPage(input, counts, rows.map(toFullDTO));
}

/** One post with its author. Signed-in viewers only. @throws NotFoundError, UnauthenticatedError. */
export async function getPost(viewer: Viewer | null, id: number): Promise<FullPostDTO> {
  const me = signedIn(viewer);
  const [row] = await selectFullPosts(me.id).where(eq(posts.id, id)).limit(1);
  if (!row) throw new NotFoundError('Post not found.');
  return toFullDTO(row);
}

// For the other post modules (threads, tags): the same keyset conditions and cursors as the timelines.
export { olderThan, newerThan, cursorOf };

// Writes live in post-writes.ts; createPost is re-exported so callers keep one import for posts.
export { createPost } from './post-writes';
