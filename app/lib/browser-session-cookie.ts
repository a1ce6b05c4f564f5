import 'server-only';
import { cookies } from 'next/headers';
import { SESSION_COOKIE_NAMES, sessionCookieOptions } from './session-cookie';

/** Auth.js always gives the cookie an expiry; without "Remember Me" it must end with the browser. */
export async function makeSessionCookieEndWithBrowser(): Promise<void> {
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) {
    const cookie = jar.get(name);
    if (cookie) jar.set(name, cookie.value, sessionCookieOptions(name, false));
  }
}
