'use server';

import { redirect } from 'next/navigation';
import { NotFoundError } from '@/db/errors';
import { requestPasswordReset, resetPassword } from '@/db/queries/password-reset';
import { setFlash } from '../flash';
import { pokeNotificationHub } from '../notifications/hub';
import { limitResetRequest } from '../rate-limit-guard';
import { siteOrigin } from '../site-origin';
import { resetPasswordSchema, resetRequestSchema } from '../validation/password-reset';
import { formAction } from './form-action';

/** Always the same answer, whether or not the address belongs to someone (no account enumeration). */
export const requestPasswordResetAction = formAction({ schema: resetRequestSchema, fields: ['email'], echo: ['email'] }, async ({ email }) => {
  await limitResetRequest(email);
  // Queues the e-mail and returns: sending never blocks or fails this request.
  await requestPasswordReset({ email, origin: await siteOrigin() });
  await setFlash('Check your email for the instructions to reset your password');
  redirect('/login');
});

export const resetPasswordAction = formAction({ schema: resetPasswordSchema, fields: ['token', 'password', 'password2'], hidden: ['token'] }, async (input) => {
  try {
    await resetPassword(input);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    // The page explains a used, expired or forged link and offers to ask for a new one.
    redirect(`/reset-password/${encodeURIComponent(input.token)}`);
  }
  // The reset ended every session of that user: end their live streams on this instance now.
  pokeNotificationHub();
  await setFlash('Your password has been reset.');
  redirect('/login');
});
