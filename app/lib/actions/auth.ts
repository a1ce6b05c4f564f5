'use server';

import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { registerUser } from '@/db/queries/users';
import { BusySignin, RateLimitedSignin, signIn, signOut } from '../auth';
import { makeSessionCookieEndWithBrowser } from '../browser-session-cookie';
import { setFlash } from '../flash';
import { echoValues, fromZodError, type FormState } from '../form-state';
import { formErrorFrom } from '../form-errors';
import { rateLimitPerClient } from '../rate-limit-guard';
import { signupPerClient } from '../rate-limits';
import { safeNextPath } from '../safe-redirect';
import { loginSchema, registerSchema } from '../validation/account';

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData, ['username', 'email']);
  const parsed = registerSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fromZodError(parsed.error, values);
  try {
    await rateLimitPerClient(signupPerClient);
    await registerUser(parsed.data);
  } catch (error) {
    return formErrorFrom(error, values);
  }
  await setFlash('Congratulations, you are now a registered user!');
  redirect('/login');
}

const BUSY_MESSAGE = 'The server is busy. Please try again in a moment.';

export async function loginAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData, ['username', 'next']);
  const parsed = loginSchema.safeParse({ ...Object.fromEntries(formData), remember: formData.get('remember') === 'on' });
  if (!parsed.success) return fromZodError(parsed.error, values);
  const { username, password, remember } = parsed.data;
  try {
    await signIn('credentials', { username, password, remember: String(remember), redirect: false });
  } catch (error) {
    // signIn reports a refused login as an AuthError; anything else is a real failure for error.tsx.
    if (!(error instanceof AuthError)) throw error;
    const message =
      error instanceof RateLimitedSignin ? error.limited.message : error instanceof BusySignin ? BUSY_MESSAGE : 'Invalid username or password';
    return { status: 'error', message, values };
  }
  if (!remember) await makeSessionCookieEndWithBrowser();
  redirect(safeNextPath(formData.get('next')));
}

export async function logoutAction(): Promise<void> {
  await signOut({ redirect: false });
  await setFlash('You have been logged out.');
  redirect('/login');
}

