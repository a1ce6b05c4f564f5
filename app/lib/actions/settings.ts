'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { changeEmail, changePassword, signOutEverywhere } from '@/db/queries/account';
import { getViewer, signIn, signOut } from '../auth';
import { makeSessionCookieEndWithBrowser } from '../browser-session-cookie';
import { setFlash } from '../flash';
import { userMessageOf } from '../form-errors';
import { readSessionToken } from '../session-token';
import { changeEmailSchema, changePasswordSchema } from '../validation/password-reset';
import { formActionWithViewer } from './form-action';

/** Changes the password, ends every other session, and keeps this browser signed in. */
export const changePasswordAction = formActionWithViewer(
  { schema: changePasswordSchema, fields: ['currentPassword', 'newPassword', 'newPassword2'] },
  async ({ currentPassword, newPassword }, viewer) => {
    await changePassword(viewer, { currentPassword, newPassword });
    // The version bump ended this session too: issue a fresh one, keeping its "Remember Me" choice.
    const remember = Boolean((await readSessionToken(await cookies()))?.token.remember);
    try {
      await signIn('credentials', { username: viewer.username, password: newPassword, remember: String(remember), redirect: false });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      await setFlash('Your password has been changed. Please log in again.');
      redirect('/login');
    }
    if (!remember) await makeSessionCookieEndWithBrowser();
    await setFlash('Your password has been changed.');
    redirect('/settings');
  },
);

export const changeEmailAction = formActionWithViewer({ schema: changeEmailSchema, fields: ['email', 'password'], echo: ['email'] }, async (input, viewer) => {
  await changeEmail(viewer, input);
  await setFlash('Your email address has been changed.');
  redirect('/settings');
});

/** Ends every session of the viewer, this one included; a database fault keeps the session and says why. */
export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await getViewer();
  try {
    if (viewer) await signOutEverywhere(viewer);
  } catch (error) {
    await setFlash(userMessageOf(error));
    redirect('/settings');
  }
  await signOut({ redirect: false });
  await setFlash('You have been signed out everywhere.');
  redirect('/login');
}
