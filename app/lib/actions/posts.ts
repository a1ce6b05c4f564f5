'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createPost } from '@/db/queries/posts';
import { setFlash } from '../flash';
import { postSchema } from '../validation/posts';
import { formActionWithViewer } from './form-action';

export const createPostAction = formActionWithViewer({ schema: postSchema, fields: ['post'], echo: ['post'] }, async ({ post }, viewer) => {
  await createPost(viewer, { body: post });
  await setFlash('Your post is now live!');
  revalidatePath('/');
  redirect('/');
});
