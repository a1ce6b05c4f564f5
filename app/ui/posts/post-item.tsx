import Link from 'next/link';
import type { PostDTO } from '@/db/queries/posts';
import { UserPopoverLink } from '../popover/user-popover-link';
import { Avatar } from '../shared/avatar';
import { RelativeTime } from '../shared/relative-time';

/** One post: avatar, author, when, and the body as plain text (React escapes it; CSS keeps line breaks). */
export function PostItem({ post }: { post: PostDTO }) {
  const profile = `/user/${post.author.username}`;
  return (
    <article className="post">
      <Link href={profile} prefetch={false} tabIndex={-1} aria-hidden="true">
        <Avatar avatar={post.author.avatar} size={70} />
      </Link>
      <div className="post-main">
        <p className="post-meta">
          <UserPopoverLink username={post.author.username} className="username" />{' '}
          said <RelativeTime iso={post.timestamp} />
        </p>
        <p className="post-body">{post.body}</p>
      </div>
    </article>
  );
}
