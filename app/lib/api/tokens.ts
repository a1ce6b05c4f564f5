import 'server-only';
import { DEFAULT_ACCESS_TOKEN_TTL_MS, type TokenPair } from '@/db/queries/api-tokens';
import { ApiError } from './errors';

/**
 * The token endpoint's transport: the access token in the JSON body, the refresh token only in an
 * HttpOnly cookie on Path=/api/tokens (the React client never reads it from the body). Over https the
 * cookie is `Secure; SameSite=None` (a client on another site still sends it); over plain http it is
 * `SameSite=Lax` (browsers refuse `None` without `Secure`), which covers a client on another port of
 * the same host. A session cookie: no expiry, the server decides how long the token lives.
 */
export const REFRESH_COOKIE = 'refresh_token';

/** API_ACCESS_TOKEN_TTL_S: access token lifetime in seconds (default 900); tests shorten it. */
export function accessTokenTtlMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.API_ACCESS_TOKEN_TTL_S);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_ACCESS_TOKEN_TTL_MS;
}

function isHttps(request: Request): boolean {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0].trim();
  return (forwarded ?? new URL(request.url).protocol.replace(':', '')) === 'https';
}

/** The contract's token body (`refresh_token` is always null: it travels as the cookie) with the cookie. */
export function tokenResponse(request: Request, pair: TokenPair): Response {
  const attributes = isHttps(request) ? 'Secure; SameSite=None' : 'SameSite=Lax';
  return Response.json(
    { access_token: pair.accessToken, refresh_token: null },
    { headers: { 'Set-Cookie': `${REFRESH_COOKIE}=${pair.refreshToken}; Path=/api/tokens; HttpOnly; ${attributes}`, 'Cache-Control': 'no-store' } },
  );
}

/** The refresh token of the request's cookie header, if any. */
export function refreshTokenCookie(request: Request): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return value.join('=');
  }
  return undefined;
}

/** HTTP Basic credentials; the user part may be a username or an e-mail address. */
export function basicCredentials(request: Request): { login: string; password: string } {
  const encoded = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  const decoded = encoded ? Buffer.from(encoded, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const login = decoded.slice(0, Math.max(colon, 0)).trim();
  const password = decoded.slice(colon + 1);
  // "Form", not "Basic": a browser must not pop up its own login dialog over the client's page.
  if (colon < 1 || !login || !password || login.length > 200 || password.length > 1000) {
    throw new ApiError(401, undefined, { 'WWW-Authenticate': 'Form' });
  }
  return { login, password };
}

