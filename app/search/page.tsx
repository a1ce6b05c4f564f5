import type { Metadata } from 'next';
import Link from 'next/link';
import { ValidationError } from '@/db/errors';
import { searchPeople, searchPosts, type SearchResults } from '@/db/queries/search';
import { requireViewer } from '@/app/lib/auth';
import type { SearchParams } from '@/app/lib/page-params';
import { SearchHitItem } from '@/app/ui/search/search-hit';
import { UserPopoverLink } from '@/app/ui/popover/user-popover-link';
import { Avatar } from '@/app/ui/shared/avatar';

export const metadata: Metadata = { title: 'Search' };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

/** Posts by words (best match first, matches highlighted) and people by username prefix. */
export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const q = one(params.q);
  const pageNumber = Number(one(params.page)) || 1;
  const viewer = await requireViewer(`/search?${new URLSearchParams({ q })}`);
  let results: SearchResults | null = null;
  let problem: string | null = null;
  if (q.trim()) {
    try {
      results = await searchPosts(viewer, { q, page: pageNumber });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problem = error.message;
    }
  }
  const people = q.trim() ? await searchPeople(viewer, { q }) : [];
  const pageHref = (n: number) => `/search?${new URLSearchParams({ q, page: String(n) })}`;
  return (
    <>
      <h1>Search</h1>
      <form action="/search" method="get" role="search" className="card form">
        <label htmlFor="search-q">Words, &quot;a phrase&quot; or a username</label>
        <input id="search-q" type="search" name="q" defaultValue={q} aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'search-error' : undefined} />
        {problem ? (
          <p id="search-error" className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {people.length > 0 ? (
        <section aria-label="People">
          <h2>People</h2>
          <ul className="user-list">
            {people.map((person) => (
              <li key={person.username} className="user-row">
                <Avatar avatar={person.avatar} size={36} />
                <UserPopoverLink username={person.username} className="username" />
                {person.aboutMe ? <span className="muted"> {person.aboutMe}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {results ? (
        <section aria-label="Posts">
          <h2>Posts</h2>
          {results.hits.length === 0 ? <p className="empty">No posts match &ldquo;{q}&rdquo;.</p> : results.hits.map((hit) => <SearchHitItem key={hit.post.id} hit={hit} />)}
          {results.page > 1 || results.hasMore ? (
            <nav className="pagination" aria-label="Pagination">
              {results.page > 1 ? <Link href={pageHref(results.page - 1)}>← Better matches</Link> : <span aria-disabled="true">← Better matches</span>}
              {results.hasMore ? <Link href={pageHref(results.page + 1)}>More results →</Link> : <span aria-disabled="true">More results →</span>}
            </nav>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
