'use server';

import { redirect } from 'next/navigation';
import { NotFoundError } from '@/db/errors';
import { requestPasswordReset, resetPassword } from '@/db/queries/password-reset';
import { setFlash } from '../flash';
import { echoValues, fromZodError, type FormState } from '../form-state';
import { formErrorFrom } from '../form-errors';
import { limitResetRequest } from '../rate-limit-guard';
import { siteOrigin } from '../site-origin';
import { resetPasswordSchema, resetRequestSchema } from '../validation/password-reset';

/** Always the same answer, whether or not the address belongs to someone (no account enumeration). */
export async function requestPasswordResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData, ['email']);
  const parsed = resetRequestSchema.safeParse({ email: formData.get('email') ?? '' });
  if (!parsed.success) return fromZodError(parsed.error, values);
  try {
    await limitResetRequest(parsed.data.email);
    // Queues the e-mail and returns: sending never blocks or fails this request.
    await requestPasswordReset({ email: parsed.data.email, origin: await siteOrigin() });
  } catch (error) {
    return formErrorFrom(error, values);
  }
  await setFlash('Check your email for the instructions to reset your password');
  redirect('/login');
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const token = String(formData.get('token') ?? '');
  const parsed = resetPasswordSchema.safeParse({ token, password: formData.get('password') ?? '', password2: formData.get('password2') ?? '' });
  if (!parsed.success) return fromZodError(parsed.error, {});
  let linkInvalid = false;
  try {
    await resetPassword(parsed.data);
  } catch (error) {
    if (!(error instanceof NotFoundError)) return formErrorFrom(error, {});
    linkInvalid = true;
  }
  // The page explains a used, expired or forged link and offers to ask for a new one.
  if (linkInvalid) redirect(`/reset-password/${encodeURIComponent(token)}`);
  await setFlash('Your password has been reset.');
  redirect('/login');
}
