import 'server-only';
import { asc, sql } from 'drizzle-orm';
import { avatarOf, avatarVersionColumn } from '../avatar';
import { getDb } from '../client';
import { ValidationError } from '../errors';
import { HIGHLIGHT_END, HIGHLIGHT_START, parseSearchQuery } from '../search-query';
import { users } from '../schema';
import type { Viewer } from '../viewer';
import { signedIn } from './guards';
import { PAGE_SIZE, postsById, type PostDTO } from './posts';

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

/**
 * Posts matching `q` (see db/search-query.ts for what a query means), best match first (FTS5's bm25),
 * newer first among equals, PAGE_SIZE per page (1-based `page`, capped at MAX_SEARCH_PAGE).
 * @throws ValidationError for an empty, too long or word-less query; UnauthenticatedError.
 */
export async function searchPosts(viewer: Viewer | null, input: { q: string; page?: number }): Promise<SearchResults> {
  const me = signedIn(viewer);
  const parsed = parseSearchQuery(input.q);
  if (!parsed.ok) throw new ValidationError(parsed.message, 'q');
  const page = Math.min(Math.max(1, Math.trunc(input.page ?? 1) || 1), MAX_SEARCH_PAGE);
  const rows = await getDb().all<{ id: number; snippet: string }>(sql`
    select p.id as id, snippet(post_fts, 0, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 24) as snippet
    from post_fts join post p on p.id = post_fts.rowid
    where post_fts match ${parsed.match}
    order by post_fts.rank, p.timestamp desc, p.id desc
    limit ${PAGE_SIZE + 1} offset ${(page - 1) * PAGE_SIZE}`);
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

export interface PersonHit {
  username: string;
  aboutMe: string | null;
  /** The avatar URL without a size (db/avatar.ts). */
  avatar: string;
}

/**
 * Up to 10 users whose username starts with `q` (ignoring case), shortest names first: the NOCASE
 * username index serves the prefix range. Anything but username characters matches nobody.
 * @throws UnauthenticatedError.
 */
export async function searchPeople(viewer: Viewer | null, input: { q: string }): Promise<PersonHit[]> {
  signedIn(viewer);
  const prefix = input.q.trim().replace(/^@/, '');
  if (!/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(prefix)) return [];
  // The pattern above allows no `%`; `_` is escaped. The column's NOCASE collation makes LIKE's
  // prefix a range on ix_user_username.
  const pattern = `${prefix.replace(/_/g, '\\_')}%`;
  const rows = await getDb()
    .select({ id: users.id, username: users.username, aboutMe: users.aboutMe, email: users.email, avatarVersion: avatarVersionColumn })
    .from(users)
    .where(sql`${users.username} like ${pattern} escape '\\'`)
    .orderBy(asc(sql`length(${users.username})`), asc(users.username))
    .limit(10);
  return rows.map((r) => ({ username: r.username, aboutMe: r.aboutMe, avatar: avatarOf(r) }));
}
