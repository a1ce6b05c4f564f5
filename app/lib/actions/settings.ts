'use server';

import { redirect } from 'next/navigation';
import { DomainError, NotFoundError } from '@/db/errors';
import { changeEmail, changePassword, signOutEverywhere } from '@/db/queries/account';
import { revokeSession } from '@/db/queries/sessions';
import { assertViewer, getViewer, signOut } from '../auth';
import { setFlash } from '../flash';
import { echoValues, fromZodError, type FormState } from '../form-state';
import { formErrorFrom } from '../form-errors';
import { pokeNotificationHub } from '../notifications/hub';
import { changeEmailSchema, changePasswordSchema } from '../validation/password-reset';
import { sessionIdSchema } from '../validation/sessions';

/** Changes the password, ends every other session, and keeps this browser signed in. */
export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(['currentPassword', 'newPassword', 'newPassword2'].map((k) => [k, formData.get(k) ?? ''])));
  if (!parsed.success) return fromZodError(parsed.error, {});
  try {
    await changePassword(await assertViewer(), { currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword });
  } catch (error) {
    return formErrorFrom(error, {});
  }
  // The other sessions' rows are gone: end their live streams on this instance now (others notice within a poll).
  pokeNotificationHub();
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
  pokeNotificationHub();
  await setFlash('You have been signed out everywhere.');
  redirect('/login');
}

/**
 * "Sign out" next to one of the viewer's other sessions in Settings. The data layer checks that the
 * session is the viewer's own; one that has already ended is a message, not an error page.
 */
export async function revokeSessionAction(formData: FormData): Promise<void> {
  const parsed = sessionIdSchema.safeParse(formData.get('sessionId'));
  let message = 'That session has been signed out.';
  try {
    if (!parsed.success) throw new NotFoundError('That session has already ended.');
    await revokeSession(await assertViewer(), parsed.data);
    pokeNotificationHub();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    message = error.message;
  }
  await setFlash(message);
  redirect('/settings');
}
