'use server';

import { refresh, revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { likePost, unlikePost } from '@/db/queries/likes';
import { deletePost, updatePost } from '@/db/queries/post-writes';
import { createPost } from '@/db/queries/posts';
import { assertViewer } from '../auth';
import { setFlash } from '../flash';
import { userMessageOf } from '../form-errors';
import { pokeNotificationHub } from '../notifications/hub';
import { editPostSchema, newPostSchema, postIdParam } from '../validation/posts';
import { z } from 'zod';
import { formActionWithViewer } from './form-action';

/** A post from the home page, or a reply from a post's page (then back to that thread). */
export const createPostAction = formActionWithViewer(
  {
    schema: newPostSchema,
    input: (formData) => ({ post: formData.get('post') ?? '', in_reply_to: formData.get('in_reply_to') || undefined }),
    echo: ['post', 'in_reply_to'],
  },
  async ({ post, in_reply_to: parent }, viewer) => {
    await createPost(viewer, { body: post, inReplyToId: parent ?? null });
    // Replies, mentions: other users' counts changed; this instance's streams hear it at once.
    pokeNotificationHub();
    await setFlash(parent ? 'Your reply is now live!' : 'Your post is now live!');
    revalidatePath('/', 'layout');
    redirect(parent ? `/post/${parent}` : '/');
  },
);

/** The author's new text for their post; back on the post's page with "edited". */
export const updatePostAction = formActionWithViewer({ schema: editPostSchema, fields: ['post', 'post_id'], echo: ['post', 'post_id'] }, async ({ post, post_id }, viewer) => {
  await updatePost(viewer, { postId: post_id, body: post });
  pokeNotificationHub();
  await setFlash('Your post has been updated.');
  revalidatePath('/', 'layout');
  redirect(`/post/${post_id}`);
});

/** The confirmed deletion of the author's post (the confirmation is the /post/<id>/delete page). */
export const deletePostAction = formActionWithViewer({ schema: z.object({ post_id: postIdParam }), fields: ['post_id'] }, async ({ post_id }, viewer) => {
  await deletePost(viewer, { postId: post_id });
  pokeNotificationHub();
  await setFlash('Your post has been deleted.');
  revalidatePath('/', 'layout');
  redirect(`/user/${viewer.username}`);
});

/**
 * Like or unlike (the form says which), then re-render the current page in place: the button and
 * count change at once with JavaScript, and without it the same form post reloads the page. A
 * refusal (the post is gone, the database is busy) shows as a flash message.
 */
export async function likeAction(formData: FormData): Promise<void> {
  const parsed = postIdParam.safeParse(formData.get('post_id'));
  if (!parsed.success) return setFlash('That post does not exist.');
  try {
    const viewer = await assertViewer();
    await (formData.get('like') === '0' ? unlikePost(viewer, parsed.data) : likePost(viewer, parsed.data));
    pokeNotificationHub();
  } catch (error) {
    await setFlash(userMessageOf(error));
  }
  // Every page is dynamic and nothing is cached on the server, so there is nothing to revalidate: only
  // the page this form is on must render again (its button, count and any flash). refresh() re-renders
  // it in this action's response, where revalidatePath('/', 'layout') also dropped every other
  // route's client cache.
  refresh();
}
