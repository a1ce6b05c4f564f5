'use server';

import { redirect } from 'next/navigation';
import { NotFoundError } from '@/db/errors';
import { changeEmail, changePassword, signOutEverywhere } from '@/db/queries/account';
import { revokeSession } from '@/db/queries/sessions';
import { assertViewer, getViewer, signOut } from '../auth';
import { setFlash } from '../flash';
import { userMessageOf } from '../form-errors';
import { pokeNotificationHub } from '../notifications/hub';
import { changeEmailSchema, changePasswordSchema } from '../validation/password-reset';
import { sessionIdSchema } from '../validation/sessions';
import { formActionWithViewer } from './form-action';

/** Changes the password, ends every other session, and keeps this browser signed in. */
export const changePasswordAction = formActionWithViewer(
  { schema: changePasswordSchema, fields: ['currentPassword', 'newPassword', 'newPassword2'] },
  async ({ currentPassword, newPassword }, viewer) => {
    await changePassword(viewer, { currentPassword, newPassword });
    // The other sessions' rows are gone: end their live streams on this instance now (others notice within a poll).
    pokeNotificationHub();
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
    message = userMessageOf(error);
  }
  await setFlash(message);
  redirect('/settings');
}
