/**
 * The Auth.js session cookie, shared by proxy.ts and the login action. Over HTTPS it is named with the
 * `__Host-` prefix (the browser then only accepts it Secure, for this host alone, path /: no sibling
 * subdomain can set or shadow it); over plain http (local use) it has no prefix. The `__Secure-` name
 * Auth.js would pick itself is still read, so sessions issued before the change keep working.
 */
export const HOST_SESSION_COOKIE = '__Host-authjs.session-token';
export const SESSION_COOKIE_NAMES = [HOST_SESSION_COOKIE, '__Secure-authjs.session-token', 'authjs.session-token'] as const;

/** With "Remember Me": a 30-day sliding session. Without it: a cookie that ends with the browser. */
export const REMEMBER_ME_MAX_AGE_S = 30 * 24 * 60 * 60;

/** The renewed cookie is re-issued at most once a day per session, not on every request. */
export const RENEW_AFTER_S = 24 * 60 * 60;

export function sessionCookieOptions(name: string, remember: boolean) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: name.startsWith('__Secure-') || name.startsWith('__Host-'),
    // No maxAge at all makes it a browser-session cookie.
    ...(remember ? { maxAge: REMEMBER_ME_MAX_AGE_S } : {}),
  };
}

/** Auth.js's `cookies` option: the `__Host-` session cookie over HTTPS, Auth.js's defaults otherwise. */
export function authCookies(https: boolean) {
  if (!https) return undefined;
  return { sessionToken: { name: HOST_SESSION_COOKIE, options: { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: true } } };
}
