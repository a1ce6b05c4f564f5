'use server';

// refresh(), not revalidatePath('/', 'layout'): every page that shows data is dynamic, and invalidating the
// layout would also regenerate the prerendered login pages, whose CSP lists the build's script hashes.
import { refresh } from 'next/cache';
import { z } from 'zod';
import { followUser, unfollowUser } from '@/db/queries/follows';
import { getProfile } from '@/db/queries/profiles';
import type { Viewer } from '@/db/viewer';
import { assertViewer } from '../auth';
import { setFlash } from '../flash';
import { userMessageOf } from '../form-errors';
import { userPopupFrom, type UserPopup } from '../user-popup';
import { usernameParam } from '../validation/profile';

function applyFollow(viewer: Viewer, username: string, follow: boolean): Promise<{ username: string }> {
  return follow ? followUser(viewer, username) : unfollowUser(viewer, username);
}

/** Follow or unfollow, then re-render the current page in place (counts and buttons update at once). */
async function changeFollow(formData: FormData, follow: boolean): Promise<void> {
  const parsed = usernameParam.safeParse(formData.get('username'));
  if (!parsed.success) return setFlash('Please choose a user to follow.');
  try {
    const { username } = await applyFollow(await assertViewer(), parsed.data, follow);
    await setFlash(follow ? `You are following ${username}!` : `You are not following ${username}.`);
  } catch (error) {
    await setFlash(userMessageOf(error));
  }
  refresh();
}

export async function followAction(formData: FormData): Promise<void> {
  await changeFollow(formData, true);
}

export async function unfollowAction(formData: FormData): Promise<void> {
  await changeFollow(formData, false);
}

export type PopoverFollowResult = { ok: true; user: UserPopup } | { ok: false; message: string };

const popoverFollowInput = z.object({ username: usernameParam, follow: z.boolean() });

/**
 * The user popover's Follow/Unfollow button (JavaScript only; FollowButton's forms stay the no-JS
 * path). Answers with the user's fresh card, or a message the card shows (e.g. the session ended),
 * instead of a flash the reader might not see. The page re-renders in the same response.
 */
export async function changeFollowFromPopoverAction(input: { username: string; follow: boolean }): Promise<PopoverFollowResult> {
  const parsed = popoverFollowInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Please choose a user to follow.' };
  let user: UserPopup;
  try {
    const viewer = await assertViewer();
    await applyFollow(viewer, parsed.data.username, parsed.data.follow);
    user = userPopupFrom(await getProfile(viewer, parsed.data.username));
  } catch (error) {
    return { ok: false, message: userMessageOf(error) };
  }
  refresh();
  return { ok: true, user };
}
