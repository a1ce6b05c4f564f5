import { NextResponse, type NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { isSessionLive } from './db/queries/sessions';
import {
  REMEMBER_ME_MAX_AGE_S,
  RENEW_AFTER_S,
  sessionCookieOptions,
} from './app/lib/session-cookie';
import { refuseBadRequest } from './app/lib/request-guards/refuse-bad-request';
import { readSessionToken, type SessionToken } from './app/lib/session-token';
import { corsHeaders, isPreflight, preflightResponse } from './app/lib/api/cors';
import { errorBody } from './app/lib/api/error-texts';
import { contentSecurityPolicy, newNonce } from './server/content-security-policy.mjs';
import { prerenderedScriptHashes } from './app/lib/security/prerendered-pages';

/**
 * Cheap checks before a page renders; never the real authorization (pages, actions and db/queries do
 * that). It sends anonymous visitors of app pages to the login page with the full path and query in
 * `next`, sends signed-in users away from login/register, slides the session cookie's expiry, and
 * gives every response it passes a Content-Security-Policy: with a fresh nonce, or for a page served
 * as a prerendered file (login, register, reset request) with the hashes of its inline scripts.
 */

// Pages that need a session. Anything else (login, register, reset-password, static files,
// unknown URLs) passes through, so an unknown URL is a 404 for everyone.
const PROTECTED = [/^\/$/, /^\/explore$/, /^\/user\/[^/]+(\/(followers|following))?$/, /^\/edit-profile$/, /^\/messages$/, /^\/send-message\/[^/]+$/, /^\/settings$/, /^\/post\/[^/]+(\/(edit|delete|likes))?$/, /^\/tags\/[^/]+$/, /^\/search$/, /^\/activity$/];
const GUEST_ONLY = [/^\/login$/, /^\/register$/, /^\/reset-password(\/[^/]+)?$/];

/**
 * Re-issues the cookie at most once a day, keeping "Remember Me" or browser-session semantics; only
 * while its session is live (one query, once a day per session): a signed-out session's cookie is
 * deleted instead, so a stolen copy is never renewed.
 */
async function renew(response: NextResponse, session: SessionToken) {
  const issuedAt = Number(session.token.iat ?? 0);
  if (Date.now() / 1000 - issuedAt < RENEW_AFTER_S) return;
  const userId = Number(session.token.sub);
  const sessionId = session.token.sid;
  if (typeof sessionId !== 'string' || !(await isSessionLive({ userId, sessionId }))) {
    // With the cookie's own attributes: a __Secure- cookie is only replaced by a Secure one.
    response.cookies.set(session.name, '', { ...sessionCookieOptions(session.name, false), maxAge: 0 });
    return;
  }
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = session.token;
  const value = await encode({ token: claims, secret: process.env.AUTH_SECRET!, salt: session.name, maxAge: REMEMBER_ME_MAX_AGE_S });
  response.cookies.set(session.name, value, sessionCookieOptions(session.name, Boolean(session.token.remember)));
}

/**
 * The REST API answers for itself (JSON, CORS, its own body limit); only a trailing slash is settled
 * here, before Next.js would match `/api/users/` to `/api/users`: a JSON 404, as the contract says.
 */
function apiRequest(request: NextRequest, pathname: string): Response {
  if (!pathname.endsWith('/')) return NextResponse.next();
  if (isPreflight(request)) return preflightResponse(request, pathname);
  return Response.json(errorBody(404), { status: 404, headers: corsHeaders(request, pathname) });
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // A POST to such a page (a form sent before its scripts loaded) renders per request: nonce.
  const prerendered = request.method === 'GET' || request.method === 'HEAD' ? prerenderedScriptHashes(pathname) : undefined;
  const nonce = prerendered ? null : newNonce();
  const csp = contentSecurityPolicy(nonce === null ? { hashes: prerendered! } : { nonce }, {
    dev: process.env.NODE_ENV === 'development',
    // server.mjs has set this from the socket and TRUSTED_PROXIES: a client cannot choose it.
    https: request.headers.get('x-forwarded-proto') === 'https',
  });
  const withCsp = <R extends Response>(response: R): R => {
    response.headers.set('Content-Security-Policy', csp);
    return response;
  };
  // Malformed paths, cross-site posts, oversized or undecodable bodies: a clear 4xx, never a bare 500.
  const refused = await refuseBadRequest(request);
  if (refused) return withCsp(refused);
  if (pathname.startsWith('/api/auth/')) return NextResponse.next(); // Auth.js sets its own cookies
  // The API's JSON and its HTML docs page (/api/docs, no scripts) carry the same policy.
  if (pathname.startsWith('/api/') || pathname === '/api') return withCsp(apiRequest(request, pathname));
  // next.config.mjs turns off Next's own trailing-slash redirect (for the API's sake); pages keep it.
  if (pathname.length > 1 && pathname.endsWith('/')) {
    const url = request.nextUrl.clone();
    url.pathname = pathname.replace(/\/+$/, '') || '/';
    return withCsp(NextResponse.redirect(url, 308));
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
  // Next.js finds the nonce in the request's CSP header and puts it on the scripts it renders (a
  // prerendered page renders nothing: there is no nonce to pass).
  const forwarded = new Headers(request.headers);
  if (nonce !== null) forwarded.set('Content-Security-Policy', csp);
  const response = withCsp(NextResponse.next({ request: { headers: forwarded } }));
  if (session) await renew(response, session);
  return response;
}

export const config = {
  // Skip Next's assets, avatars (public images, 25 on a page of posts: no session work for them) and
  // top-level files (favicon.ico, robots.txt...). Only at the top level: usernames may contain dots,
  // and /user/john.doe is a page, not a file.
  matcher: ['/((?!_next/|avatar/|[^/]+\\.[A-Za-z0-9]+$).*)'],
};
