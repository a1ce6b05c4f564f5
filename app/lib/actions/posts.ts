'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { DomainError } from '@/db/errors';
import { likePost, unlikePost } from '@/db/queries/likes';
import { deletePost, updatePost } from '@/db/queries/post-writes';
import { createPost } from '@/db/queries/posts';
import { assertViewer } from '../auth';
import { setFlash } from '../flash';
import { echoValues, fromZodError, type FormState } from '../form-state';
import { formErrorFrom } from '../form-errors';
import { pokeNotificationHub } from '../notifications/hub';
import { editPostSchema, newPostSchema, postIdParam } from '../validation/posts';

/** A post from the home page, or a reply from a post's page (then back to that thread). */
export async function createPostAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData, ['post', 'in_reply_to']);
  const parsed = newPostSchema.safeParse({ post: formData.get('post') ?? '', in_reply_to: formData.get('in_reply_to') || undefined });
  if (!parsed.success) return fromZodError(parsed.error, values);
  const parent = parsed.data.in_reply_to;
  try {
    const viewer = await assertViewer();
    await createPost(viewer, { body: parsed.data.post, inReplyToId: parent ?? null });
  } catch (error) {
    return formErrorFrom(error, values);
  }
  // Replies, mentions: other users' counts changed; this instance's streams hear it at once.
  pokeNotificationHub();
  await setFlash(parent ? 'Your reply is now live!' : 'Your post is now live!');
  revalidatePath('/', 'layout');
  redirect(parent ? `/post/${parent}` : '/');
}

/** The author's new text for their post; back on the post's page with "edited". */
export async function updatePostAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData, ['post', 'post_id']);
  const parsed = editPostSchema.safeParse({ post: formData.get('post') ?? '', post_id: formData.get('post_id') });
  if (!parsed.success) return fromZodError(parsed.error, values);
  try {
    await updatePost(await assertViewer(), { postId: parsed.data.post_id, body: parsed.data.post });
  } catch (error) {
    return formErrorFrom(error, values);
  }
  pokeNotificationHub();
  await setFlash('Your post has been updated.');
  revalidatePath('/', 'layout');
  redirect(`/post/${parsed.data.post_id}`);
}

/** The confirmed deletion of the author's post (the confirmation is the /post/<id>/delete page). */
export async function deletePostAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = postIdParam.safeParse(formData.get('post_id'));
  if (!parsed.success) return { status: 'error', message: 'That post does not exist.' };
  let username: string;
  try {
    const viewer = await assertViewer();
    await deletePost(viewer, { postId: parsed.data });
    username = viewer.username;
  } catch (error) {
    return formErrorFrom(error, {});
  }
  pokeNotificationHub();
  await setFlash('Your post has been deleted.');
  revalidatePath('/', 'layout');
  redirect(`/user/${username}`);
}

/**
 * Like or unlike (the form says which), then re-render the current page in place: the button and
 * count change at once with JavaScript, and without it the same form post reloads the page.
 */
export async function likeAction(formData: FormData): Promise<void> {
  const parsed = postIdParam.safeParse(formData.get('post_id'));
  if (!parsed.success) return setFlash('That post does not exist.');
  try {
    const viewer = await assertViewer();
    await (formData.get('like') === '0' ? unlikePost(viewer, parsed.data) : likePost(viewer, parsed.data));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await setFlash(error.message);
  }
  pokeNotificationHub();
  revalidatePath('/', 'layout');
}
