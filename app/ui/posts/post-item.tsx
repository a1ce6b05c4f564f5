import Link from 'next/link';
import type { PostDTO } from '@/db/queries/posts';
import { Avatar } from '../shared/avatar';
import { LikeButton } from './like-button';
import { PostHeader } from './post-header';
import { PostBody } from './post-body';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One post: avatar, author, when (a link to the post's own page), what it replies to, the body with
 * its links, and its actions: Reply, Like with the count, and Edit / Delete for the author.
 */
export function PostItem({ post, viewerUsername, highlight }: { post: PostDTO; viewerUsername?: string; highlight?: boolean }) {
  const profile = `/user/${post.author.username}`;
  const own = viewerUsername !== undefined && viewerUsername.toLowerCase() === post.author.username.toLowerCase();
  return (
    <article className={highlight ? 'post post-focus' : 'post'} id={`post-${post.id}`}>
      <Link href={profile} prefetch={false} tabIndex={-1} aria-hidden="true">
        <Avatar avatar={post.author.avatar} size={70} />
      </Link>
      <div className="post-main">
        <PostHeader post={post} />
        {post.inReplyTo ? (
          <p className="reply-to">
            <Link href={`/post/${post.inReplyTo.id}`} prefetch={false}>
              {post.inReplyTo.username ? `Replying to @${post.inReplyTo.username}` : 'Replying to a deleted post'}
            </Link>
          </p>
        ) : null}
        <PostBody body={post.body} mentions={post.mentions} />
        {viewerUsername !== undefined ? (
          <div className="post-actions">
            <Link href={`/post/${post.id}#reply`} prefetch={false} className="post-action">
              Reply{post.replyCount > 0 ? ` (${post.replyCount})` : ''}
              <span className="visually-hidden"> to {post.author.username}</span>
            </Link>
            <LikeButton postId={post.id} liked={post.likedByViewer} count={post.likeCount} />
            {post.likeCount > 0 ? (
              <Link href={`/post/${post.id}/likes`} prefetch={false} className="post-action like-count">
                {plural(post.likeCount, 'like', 'likes')}
              </Link>
            ) : null}
            {own ? (
              <>
                <Link href={`/post/${post.id}/edit`} prefetch={false} className="post-action">
                  Edit
                </Link>
                <Link href={`/post/${post.id}/delete`} prefetch={false} className="post-action danger-link">
                  Delete
                </Link>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
    </article>
  );
}
