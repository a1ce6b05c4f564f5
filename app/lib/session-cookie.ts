/**
 * The Auth.js session cookie, shared by proxy.ts and the login action. Behind HTTPS Auth.js adds the
 * __Secure- prefix; both names are checked so the same build works on http://localhost and in production.
 */
export const SESSION_COOKIE_NAMES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

/** With "Remember Me": a 30-day sliding session. Without it: a cookie that ends with the browser. */
export const REMEMBER_ME_MAX_AGE_S = 30 * 24 * 60 * 60;

/** The renewed cookie is re-issued at most once a day per session, not on every request. */
export const RENEW_AFTER_S = 24 * 60 * 60;

export function sessionCookieOptions(name: string, remember: boolean) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: name.startsWith('__Secure-'),
    // No maxAge at all makes it a browser-session cookie.
    ...(remember ? { maxAge: REMEMBER_ME_MAX_AGE_S } : {}),
  };
}
