'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { changeEmail, changePassword, signOutEverywhere } from '@/db/queries/account';
import type { Viewer } from '@/db/viewer';
import { assertViewer, getViewer, signIn, signOut } from '../auth';
import { makeSessionCookieEndWithBrowser } from '../browser-session-cookie';
import { setFlash } from '../flash';
import { echoValues, fromZodError, type FormState } from '../form-state';
import { formErrorFrom } from '../form-errors';
import { readSessionToken } from '../session-token';
import { changeEmailSchema, changePasswordSchema } from '../validation/password-reset';

/** Changes the password, ends every other session, and keeps this browser signed in. */
export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(['currentPassword', 'newPassword', 'newPassword2'].map((k) => [k, formData.get(k) ?? ''])));
  if (!parsed.success) return fromZodError(parsed.error, {});
  let viewer: Viewer;
  try {
    viewer = await assertViewer();
    await changePassword(viewer, { currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword });
  } catch (error) {
    return formErrorFrom(error, {});
  }
  // The version bump ended this session too: issue a fresh one, keeping its "Remember Me" choice.
  const remember = Boolean((await readSessionToken(await cookies()))?.token.remember);
  try {
    await signIn('credentials', { username: viewer.username, password: parsed.data.newPassword, remember: String(remember), redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    await setFlash('Your password has been changed. Please log in again.');
    redirect('/login');
  }
  if (!remember) await makeSessionCookieEndWithBrowser();
  await setFlash('Your password has been changed.');
  redirect('/settings');
}

export async function changeEmailAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData, ['email']);
  const parsed = changeEmailSchema.safeParse({ email: formData.get('email') ?? '', password: formData.get('password') ?? '' });
  if (!parsed.success) return fromZodError(parsed.error, values);
  try {
    await changeEmail(await assertViewer(), parsed.data);
  } catch (error) {
    return formErrorFrom(error, values);
  }
  await setFlash('Your email address has been changed.');
  redirect('/settings');
}

/** Ends every session of the viewer, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await signOutEverywhere(viewer);
  await signOut({ redirect: false });
  await setFlash('You have been signed out everywhere.');
  redirect('/login');
}
