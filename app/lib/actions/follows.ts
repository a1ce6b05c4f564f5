'use server';

import { revalidatePath } from 'next/cache';
import { DomainError } from '@/db/errors';
import { followUser, unfollowUser } from '@/db/queries/follows';
import { assertViewer } from '../auth';
import { setFlash } from '../flash';
import { usernameParam } from '../validation/profile';

/** Follow or unfollow, then re-render the current page in place (counts and buttons update at once). */
async function changeFollow(formData: FormData, follow: boolean): Promise<void> {
  const parsed = usernameParam.safeParse(formData.get('username'));
  if (!parsed.success) return setFlash('Please choose a user to follow.');
  try {
    const viewer = await assertViewer();
    const { username } = follow ? await followUser(viewer, parsed.data) : await unfollowUser(viewer, parsed.data);
    await setFlash(follow ? `You are following ${username}!` : `You are not following ${username}.`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await setFlash(error.message);
  }
  revalidatePath('/', 'layout');
}

export async function followAction(formData: FormData): Promise<void> {
  await changeFollow(formData, true);
}

export async function unfollowAction(formData: FormData): Promise<void> {
  await changeFollow(formData, false);
}
