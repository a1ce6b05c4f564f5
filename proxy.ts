import { NextResponse, type NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import {
  REMEMBER_ME_MAX_AGE_S,
  RENEW_AFTER_S,
  sessionCookieOptions,
} from './app/lib/session-cookie';
import { readSessionToken, type SessionToken } from './app/lib/session-token';

/**
 * Cheap checks before a page renders; never the real authorization (pages, actions and db/queries do
 * that). It sends anonymous visitors of app pages to the login page with the full path and query in
 * `next`, sends signed-in users away from login/register, and slides the session cookie's expiry.
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

// Server actions refuse bodies over their limit with a bare 500; answer such requests here with a page
// that says what happened. (The forms themselves keep input below this: counters and input limits.)
// Every body may have 1 MB, except Edit Profile's, which carries a picture of up to 5 MB: its limit
// leaves room for a larger picture, so that one gets the form's own message with the other fields
// kept, not this page. next.config.mjs sets the framework's limit (serverActions.bodySizeLimit) to the
// larger one, which proxyClientMaxBodySize (10 MB by default) must not undercut.
const MAX_BODY_BYTES = 1_000_000;
const UPLOAD_BODY_BYTES = 8 * 1024 * 1024;
const UPLOAD_PATHS = new Set(['/edit-profile']);
const tooLargePage = (limit: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Too large - Microblog</title></head>
<body><h1>That was too large</h1><p>What you sent is larger than the server accepts (${limit}). Please go back, shorten it and try again.</p><p><a href="/">Back</a></p></body></html>`;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const upload = UPLOAD_PATHS.has(pathname);
  if (request.method === 'POST' && Number(request.headers.get('content-length')) > (upload ? UPLOAD_BODY_BYTES : MAX_BODY_BYTES)) {
    return new NextResponse(tooLargePage(upload ? '8 MB' : '1 MB'), { status: 413, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
  const session = await readSessionToken(request.cookies);

  if (!session && PROTECTED.some((re) => re.test(pathname))) {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', pathname + search);
    return NextResponse.redirect(login);
  }
  if (session && GUEST_ONLY.some((re) => re.test(pathname))) {
    return NextResponse.redirect(new URL('/', request.url));
  }
  const response = NextResponse.next();
  if (session) await renew(response, session);
  return response;
}

export const config = {
  // Skip Next's assets, the auth endpoints, avatars (public images, 25 on a page of posts: no session
  // work for them) and top-level files (favicon.ico, robots.txt...). Only at the top level: usernames
  // may contain dots, and /user/john.doe is a page, not a file.
  matcher: ['/((?!_next/|api/auth/|avatar/|[^/]+\\.[A-Za-z0-9]+$).*)'],
};
