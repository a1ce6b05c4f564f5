'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createPost } from '@/db/queries/posts';
import { assertViewer } from '../auth';
import { setFlash } from '../flash';
import { echoValues, fromZodError, type FormState } from '../form-state';
import { formErrorFrom } from '../form-errors';
import { postSchema } from '../validation/posts';

export async function createPostAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData, ['post']);
  const parsed = postSchema.safeParse({ post: formData.get('post') ?? '' });
  if (!parsed.success) return fromZodError(parsed.error, values);
  try {
    const viewer = await assertViewer();
    await createPost(viewer, { body: parsed.data.post });
  } catch (error) {
    return formErrorFrom(error, values);
  }
  await setFlash('Your post is now live!');
  revalidatePath('/');
  redirect('/');
}
