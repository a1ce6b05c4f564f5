import { NextResponse, type NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import {
  REMEMBER_ME_MAX_AGE_S,
  RENEW_AFTER_S,
  sessionCookieOptions,
} from './app/lib/session-cookie';
import { readSessionToken, type SessionToken } from './app/lib/session-token';
import { contentSecurityPolicy, newNonce } from './app/lib/security/content-security-policy';

/**
 * Cheap checks before a page renders; never the real authorization (pages, actions and db/queries do
 * that). It sends anonymous visitors of app pages to the login page with the full path and query in
 * `next`, sends signed-in users away from login/register, slides the session cookie's expiry, and
 * gives every response it passes a Content-Security-Policy with a fresh nonce.
 */

// Pages that need a session. Anything else (login, register, reset-password, /api, static files,
// unknown URLs) passes through, so an unknown URL is a 404 for everyone.
const PROTECTED = [/^\/$/, /^\/explore$/, /^\/user\/[^/]+(\/(followers|following))?$/, /^\/edit-profile$/, /^\/messages$/, /^\/send-message\/[^/]+$/, /^\/settings$/];
const GUEST_ONLY = [/^\/login$/, /^\/register$/, /^\/reset-password(\/[^/]+)?$/];

/** Re-issues the cookie at most once a day, keeping "Remember Me" or browser-session semantics. */
async function renew(response: NextResponse, session: SessionToken) {
  const issuedAt = Number(session.token.iat ?? 0);
  if (Date.now() / 1000 - issuedAt < RENEW_AFTER_S) return;
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = session.token;
  const value = await encode({ token: claims, secret: process.env.AUTH_SECRET!, salt: session.name, maxAge: REMEMBER_ME_MAX_AGE_S });
  response.cookies.set(session.name, value, sessionCookieOptions(session.name, Boolean(session.token.remember)));
}

// Server actions refuse bodies over 1 MB with a bare 500; answer such requests here with a page that
// says what happened. (The forms themselves keep input below this: counters and input limits.)
const MAX_BODY_BYTES = 1_000_000;
const TOO_LARGE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Too large - Microblog</title></head>
<body><h1>That was too large</h1><p>What you sent is larger than the server accepts (1 MB). Please go back, shorten it and try again.</p><p><a href="/">Back</a></p></body></html>`;

export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === 'development',
    // server.mjs has set this from the socket and TRUSTED_PROXIES: a client cannot choose it.
    https: request.headers.get('x-forwarded-proto') === 'https',
  });
  const withCsp = (response: NextResponse) => {
    response.headers.set('Content-Security-Policy', csp);
    return response;
  };
  const { pathname, search } = request.nextUrl;
  if (request.method === 'POST' && Number(request.headers.get('content-length')) > MAX_BODY_BYTES) {
    return withCsp(new NextResponse(TOO_LARGE_PAGE, { status: 413, headers: { 'content-type': 'text/html; charset=utf-8' } }));
  }
  const session = await readSessionToken(request.cookies);

  if (!session && PROTECTED.some((re) => re.test(pathname))) {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', pathname + search);
    return withCsp(NextResponse.redirect(login));
  }
  if (session && GUEST_ONLY.some((re) => re.test(pathname))) {
    return withCsp(NextResponse.redirect(new URL('/', request.url)));
  }
  // Next.js finds the nonce in the request's CSP header and puts it on the scripts it renders.
  const forwarded = new Headers(request.headers);
  forwarded.set('Content-Security-Policy', csp);
  const response = withCsp(NextResponse.next({ request: { headers: forwarded } }));
  if (session) await renew(response, session);
  return response;
}

export const config = {
  // Skip Next's assets, the auth endpoints and top-level files (favicon.ico, robots.txt...). Only at
  // the top level: usernames may contain dots, and /user/john.doe is a page, not a file.
  matcher: ['/((?!_next/|api/auth/|[^/]+\\.[A-Za-z0-9]+$).*)'],
};
