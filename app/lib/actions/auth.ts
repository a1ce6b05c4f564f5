'use server';

import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { registerUser } from '@/db/queries/users';
import { BUSY_MESSAGE } from '@/db/errors';
import { RateLimitedSignin, signIn, signOut } from '../auth';
import { makeSessionCookieEndWithBrowser } from '../browser-session-cookie';
import { setFlash } from '../flash';
import { pokeNotificationHub } from '../notifications/hub';
import { rateLimitPerClient } from '../rate-limit-guard';
import { signupPerClient } from '../rate-limits';
import { safeNextPath } from '../safe-redirect';
import { loginSchema, registerSchema } from '../validation/account';
import { formAction } from './form-action';

export const registerAction = formAction(
  { schema: registerSchema, input: (formData) => Object.fromEntries(formData), echo: ['username', 'email'] },
  async (input) => {
    await rateLimitPerClient(signupPerClient);
    await registerUser(input);
    await setFlash('Congratulations, you are now a registered user!');
    redirect('/login');
  },
);

/** Anything but a refused password (the database failed, a bug): never "Invalid username or password". */
const SIGN_IN_UNAVAILABLE = 'Signing in is not possible right now because of a server problem. Please try again later.';
/** What the login form says for each refusal Auth.js reports (the `code` of the sign-in error). */
const LOGIN_MESSAGES: Record<string, string> = {
  credentials: 'Invalid username or password',
  rate_limited: 'Too many sign-in attempts. Please wait a few minutes and try again.',
  busy: BUSY_MESSAGE,
  unavailable: SIGN_IN_UNAVAILABLE,
};

export const loginAction = formAction(
  {
    schema: loginSchema,
    input: (formData) => ({ ...Object.fromEntries(formData), remember: formData.get('remember') === 'on' }),
    echo: ['username', 'next'],
  },
  async ({ username, password, remember }, { formData, values }) => {
    try {
      await signIn('credentials', { username, password, remember: String(remember), redirect: false });
    } catch (error) {
      // signIn reports every failure inside authorize as an AuthError: a refusal (CredentialsSignin and
      // its subclasses, with a code) or anything else wrapped in a CallbackRouteError.
      if (!(error instanceof AuthError)) throw error;
      // A refused client is told its real wait ("Please try again in 4 minutes.").
      if (error instanceof RateLimitedSignin) return { status: 'error', message: error.limited.message, values };
      const code = error.type === 'CredentialsSignin' ? ((error as AuthError & { code?: string }).code ?? 'credentials') : '';
      return { status: 'error', message: LOGIN_MESSAGES[code] ?? SIGN_IN_UNAVAILABLE, values };
    }
    if (!remember) await makeSessionCookieEndWithBrowser();
    redirect(safeNextPath(formData.get('next')));
  },
);

/** Ends this session on the server (Auth.js's signOut event deletes its row) and clears the cookie. */
export async function logoutAction(): Promise<void> {
  await signOut({ redirect: false });
  // Its live notification stream on this instance ends now; other instances notice within a poll.
  pokeNotificationHub();
  await setFlash('You have been logged out.');
  redirect('/login');
}
