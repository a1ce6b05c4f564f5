import { splitHighlights } from '@/db/search-query';
import type { SearchHit } from '@/db/queries/search';
import { Avatar } from '../shared/avatar';
import { PostHeader } from '../posts/post-header';

/** A matching post: its header (PostHeader) and a snippet with the matched words marked. */
export function SearchHitItem({ hit }: { hit: SearchHit }) {
  const { post } = hit;
  return (
    <article className="post">
      <Avatar avatar={post.author.avatar} size={36} />
      <div className="post-main">
        <PostHeader post={post} />
        <p className="post-body">
          {splitHighlights(hit.snippet).map((part, i) => (part.highlight ? <mark key={i}>{part.text}</mark> : part.text))}
        </p>
      </div>
    </article>
  );
}
