import Link from 'next/link';
import type { PostDTO } from '@/db/queries/posts';
import { UserPopoverLink } from '../popover/user-popover-link';
import { RelativeTime } from '../shared/relative-time';

/**
 * A post's header line, wherever a post is shown (lists, threads, search hits): the author with their
 * popover, "said", when (a link to the post's own page), and "edited" with the time if it was.
 */
export function PostHeader({ post }: { post: Pick<PostDTO, 'id' | 'author' | 'timestamp' | 'editedAt'> }) {
  return (
    <p className="post-meta">
      <UserPopoverLink username={post.author.username} className="username" /> said{' '}
      <Link href={`/post/${post.id}`} prefetch={false} className="post-time">
        <RelativeTime iso={post.timestamp} />
      </Link>
      {post.editedAt ? (
        <span className="edited">
          {' '}
          · edited <RelativeTime iso={post.editedAt} />
        </span>
      ) : null}
    </p>
  );
}
