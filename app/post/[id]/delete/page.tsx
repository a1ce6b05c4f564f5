import type { Metadata } from 'next';
import Link from 'next/link';
import { getOwnPost } from '@/db/queries/post-writes';
import { requireViewer } from '@/app/lib/auth';
import { loadOr404 } from '@/app/lib/load-or-404';
import { postIdOr404 } from '@/app/lib/post-param';
import { PostItem } from '@/app/ui/posts/post-item';
import { DeletePostForm } from '@/app/ui/posts/delete-post-form';

export const metadata: Metadata = { title: 'Delete post' };

/** The confirmation before the author deletes a post (works without JavaScript). */
export default async function DeletePostPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer(`/post/${id}/delete`);
  const postId = postIdOr404(id);
  const post = await loadOr404(() => getOwnPost(viewer, postId));
  return (
    <>
      <h1>Delete this post?</h1>
      <PostItem post={post} />
      <p>Its likes will be removed. Replies to it stay, shown under &ldquo;This post was deleted&rdquo;.</p>
      <div className="form-row">
        <DeletePostForm postId={postId} />
        <Link href={`/post/${postId}`}>Cancel</Link>
      </div>
    </>
  );
}
