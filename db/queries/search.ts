import 'server-only';
import { asc, count, sql, type SQL } from 'drizzle-orm';
import { avatarOf, avatarVersionColumn } from '../avatar';
import { getDb } from '../client';
import { ValidationError } from '../errors';
import { HIGHLIGHT_END, HIGHLIGHT_START, MAX_COMPLETIONS, parseSearchQuery, vocabularyKey, withCompletions, type ParsedSearch } from '../search-query';
import { users } from '../schema';
import type { Viewer } from '../viewer';
import { signedIn } from './guards';
import { offsetPage, type OffsetPage } from './paging';
import { fullPostsById, PAGE_SIZE, postsById, type FullPostDTO, type PostDTO } from './posts';
import { toUserDTO, userDTOColumns, type UserDTO } from './user-directory';

/** Result pages go this deep at most: relevance ranking pages by offset, and nobody reads page 40. */
export const MAX_SEARCH_PAGE = 40;

export interface SearchHit {
  post: PostDTO;
  /** Part of the body around the matches; matched words between HIGHLIGHT_START and HIGHLIGHT_END. */
  snippet: string;
}

export interface SearchResults {
  hits: SearchHit[];
  page: number;
  hasMore: boolean;
}

/** The parsed query. @throws ValidationError for an empty, too long or word-less query. */
function parsedQuery(q: string): Extract<ParsedSearch, { ok: true }> {
  const parsed = parseSearchQuery(q);
  if (!parsed.ok) throw new ValidationError(parsed.message, 'q');
  return parsed;
}

/**
 * Whole words of posts that start with `prefix` as typed, most used first (at most MAX_COMPLETIONS),
 * from the unstemmed index's vocabulary (migration 0012). One range read of `post_words_vocab`.
 */
async function completionsOf(prefix: string): Promise<string[]> {
  const key = vocabularyKey(prefix);
  const rows = await getDb().all<{ term: string }>(sql`
    select term from post_words_vocab
    where term >= ${key} and term < ${`${key}\u{10FFFF}`}
    order by doc desc, term
    limit ${MAX_COMPLETIONS}`);
  return rows.map((r) => String(r.term));
}

/**
 * The FTS5 expression for `q`, its last word completed into whole words (db/search-query.ts says why).
 * @throws ValidationError for an empty, too long or word-less query.
 */
async function matchExpression(q: string): Promise<string> {
  const parsed = parsedQuery(q);
  return parsed.prefix === null ? parsed.match : withCompletions(parsed, await completionsOf(parsed.prefix));
}

/**
 * Ids (and highlighted snippets) of the posts matching `match`, best match first (FTS5's bm25), newer
 * first among equals: the one ranking of the web page and the API.
 */
function rankedMatches(match: string, limit: number, offset: number) {
  return getDb().all<{ id: number; snippet: string }>(sql`
    select p.id as id, snippet(post_fts, 0, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 24) as snippet
    from post_fts join post p on p.id = post_fts.rowid
    where post_fts match ${match}
    order by post_fts.rank, p.timestamp desc, p.id desc
    limit ${limit} offset ${offset}`);
}

/**
 * Posts matching `q` (see db/search-query.ts for what a query means), best match first (FTS5's bm25),
 * newer first among equals, PAGE_SIZE per page (1-based `page`, capped at MAX_SEARCH_PAGE).
 * @throws ValidationError for an empty, too long or word-less query; UnauthenticatedError.
 */
export async function searchPosts(viewer: Viewer | null, input: { q: string; page?: number }): Promise<SearchResults> {
  const me = signedIn(viewer);
  const match = await matchExpression(input.q);
  const page = Math.min(Math.max(1, Math.trunc(input.page ?? 1) || 1), MAX_SEARCH_PAGE);
  const rows = await rankedMatches(match, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
  const shown = rows.slice(0, PAGE_SIZE);
  const found = await postsById(me, shown.map((r) => Number(r.id)));
  return {
    hits: shown.flatMap((r) => {
      const post = found.get(Number(r.id));
      return post ? [{ post, snippet: String(r.snippet) }] : [];
    }),
    page,
    hasMore: rows.length > PAGE_SIZE && page < MAX_SEARCH_PAGE,
  };
}

/**
 * The REST API's post search: the same query rules and ranking as searchPosts, as an offset page
 * (`limit` items from `offset`; `total` counts every match) of full posts. Two statements: the page
 * with the count in one batch, then the posts.
 * @throws ValidationError for an empty, too long or word-less query, or an offset past the end;
 *   UnauthenticatedError.
 */
export async function searchPostsPage(viewer: Viewer | null, input: { q: string; limit: number; offset: number }): Promise<OffsetPage<FullPostDTO>> {
  const me = signedIn(viewer);
  const match = await matchExpression(input.q);
  const [[counts], rows] = await getDb().batch([
    getDb().all<{ total: number }>(sql`select count(*) as total from post_fts where post_fts match ${match}`),
    rankedMatches(match, input.limit, input.offset),
  ]);
  const total = Number(counts?.total ?? 0);
  return offsetPage({ limit: input.limit, offset: input.offset }, { total, before: 0 }, await fullPostsById(me, rows.map((r) => Number(r.id))));
}

export interface PersonHit {
  username: string;
  aboutMe: string | null;
  /** The avatar URL without a size (db/avatar.ts). */
  avatar: string;
}

/**
 * "username starts with q" (ignoring case, a leading `@` dropped), or null when q cannot start a
 * username. The pattern allows no `%` and `_` is escaped; the column's NOCASE collation makes LIKE's
 * prefix a range on ix_user_username.
 */
function usernamePrefix(q: string): SQL | null {
  const prefix = q.trim().replace(/^@/, '');
  if (!/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(prefix)) return null;
  return sql`${users.username} like ${`${prefix.replace(/_/g, '\\_')}%`} escape '\\'`;
}

/** People search's order: shortest names first (the exact name leads), then alphabetical. */
const peopleOrder = [asc(sql`length(${users.username})`), asc(users.username)];

/**
 * Up to 10 users whose username starts with `q` (ignoring case), shortest names first: the NOCASE
 * username index serves the prefix range. Anything but username characters matches nobody.
 * @throws UnauthenticatedError.
 */
export async function searchPeople(viewer: Viewer | null, input: { q: string }): Promise<PersonHit[]> {
  signedIn(viewer);
  const where = usernamePrefix(input.q);
  if (!where) return [];
  const rows = await getDb()
    .select({ id: users.id, username: users.username, aboutMe: users.aboutMe, email: users.email, avatarVersion: avatarVersionColumn })
    .from(users)
    .where(where)
    .orderBy(...peopleOrder)
    .limit(10);
  return rows.map((r) => ({ username: r.username, aboutMe: r.aboutMe, avatar: avatarOf(r) }));
}

/**
 * The REST API's people search: the same prefix rule and order as searchPeople, as an offset page of
 * users (`total` counts every match); one batch of two statements. An empty or word-less `q` is refused
 * as in searchPosts, so both kinds of search answer the same query the same way.
 * @throws ValidationError for an empty, too long or word-less query, or an offset past the end;
 *   UnauthenticatedError.
 */
export async function searchPeoplePage(viewer: Viewer | null, input: { q: string; limit: number; offset: number }): Promise<OffsetPage<UserDTO>> {
  signedIn(viewer);
  parsedQuery(input.q);
  const where = usernamePrefix(input.q);
  if (!where) return offsetPage(input, { total: 0, before: 0 }, []);
  const db = getDb();
  const [[counts], rows] = await db.batch([
    db.select({ total: count() }).from(users).where(where),
    db.select(userDTOColumns).from(users).where(where).orderBy(...peopleOrder).limit(input.limit).offset(input.offset),
  ]);
  return offsetPage(input, { total: counts.total, before: 0 }, rows.map(toUserDTO));
}
