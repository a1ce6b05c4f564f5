import Link from 'next/link';
import { splitHighlights } from '@/db/search-query';
import type { SearchHit } from '@/db/queries/search';
import { UserPopoverLink } from '../popover/user-popover-link';
import { Avatar } from '../shared/avatar';
import { RelativeTime } from '../shared/relative-time';

/** A matching post: author, time (a link to the post) and a snippet with the matched words marked. */
export function SearchHitItem({ hit }: { hit: SearchHit }) {
  const { post } = hit;
  return (
    <article className="post">
      <Avatar avatar={post.author.avatar} size={36} />
      <div className="post-main">
        <p className="post-meta">
          <UserPopoverLink username={post.author.username} className="username" /> said{' '}
          <Link href={`/post/${post.id}`} prefetch={false} className="post-time">
            <RelativeTime iso={post.timestamp} />
          </Link>
        </p>
        <p className="post-body">
          {splitHighlights(hit.snippet).map((part, i) => (part.highlight ? <mark key={i}>{part.text}</mark> : part.text))}
        </p>
      </div>
    </article>
  );
}
