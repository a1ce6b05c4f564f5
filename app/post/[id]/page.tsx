import type { Metadata } from 'next';
import Link from 'next/link';
import { getThread } from '@/db/queries/threads';
import { createPostAction } from '@/app/lib/actions/posts';
import { requireViewer } from '@/app/lib/auth';
import { POST_MAX } from '@/app/lib/limits';
import { loadOr404 } from '@/app/lib/load-or-404';
import { pageCursors, type SearchParams } from '@/app/lib/page-params';
import { postIdOr404 } from '@/app/lib/post-param';
import { PostItem } from '@/app/ui/posts/post-item';
import { ComposeForm } from '@/app/ui/shared/compose-form';

export const metadata: Metadata = { title: 'Post' };

/** A post with the posts it answers above it, its replies below (oldest first) and a reply form. */
export default async function PostPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const viewer = await requireViewer(`/post/${id}`);
  const postId = postIdOr404(id);
  const { after } = pageCursors(await searchParams);
  const thread = await loadOr404(() => getThread(viewer, { postId, after }));
  const author = thread.post.author.username;
  const mention = author.toLowerCase() === viewer.username.toLowerCase() ? '' : `@${author} `;
  return (
    <>
      <h1>Post by {author}</h1>
      {thread.ancestors.length > 0 ? (
        <section aria-label="Earlier in this conversation" className="thread-ancestors">
          {thread.earlierId ? (
            <p className="thread-more">
              <Link href={`/post/${thread.earlierId}`}>Earlier posts in this conversation</Link>
            </p>
          ) : null}
          {thread.ancestors.map((ancestor) =>
            ancestor.deleted ? (
              <p key={`deleted-${ancestor.id}`} className="post post-deleted">
                This post was deleted.
              </p>
            ) : (
              <PostItem key={ancestor.post.id} post={ancestor.post} viewerUsername={viewer.username} />
            ),
          )}
        </section>
      ) : null}
      <PostItem post={thread.post} viewerUsername={viewer.username} highlight />
      <ComposeForm
        id="reply"
        action={createPostAction}
        name="post"
        label={`Reply to ${author}`}
        max={POST_MAX}
        hidden={{ in_reply_to: String(postId) }}
        defaultText={mention}
        submitLabel="Reply"
      />
      <section aria-label="Replies">
        <h2>{thread.post.replyCount === 1 ? '1 reply' : `${thread.post.replyCount} replies`}</h2>
        {thread.replies.map((reply) => (
          <PostItem key={reply.id} post={reply} viewerUsername={viewer.username} />
        ))}
        {thread.moreRepliesCursor ? (
          <nav className="pagination" aria-label="Pagination">
            <Link href={`/post/${postId}?${new URLSearchParams({ after: thread.moreRepliesCursor })}`}>More replies →</Link>
          </nav>
        ) : null}
      </section>
    </>
  );
}
