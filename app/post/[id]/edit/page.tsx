import type { Metadata } from 'next';
import { getOwnPost } from '@/db/queries/post-writes';
import { updatePostAction } from '@/app/lib/actions/posts';
import { requireViewer } from '@/app/lib/auth';
import { POST_MAX } from '@/app/lib/limits';
import { loadOr404 } from '@/app/lib/load-or-404';
import { postIdOr404 } from '@/app/lib/post-param';
import { ComposeForm } from '@/app/ui/shared/compose-form';

export const metadata: Metadata = { title: 'Edit post' };

/** The author edits their post (anyone else gets the 404 page; the action checks again). */
export default async function EditPostPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer(`/post/${id}/edit`);
  const postId = postIdOr404(id);
  const post = await loadOr404(() => getOwnPost(viewer, postId));
  return (
    <>
      <h1>Edit post</h1>
      <ComposeForm action={updatePostAction} name="post" label="Your post" max={POST_MAX} hidden={{ post_id: String(postId) }} defaultText={post.body} submitLabel="Save" />
    </>
  );
}
