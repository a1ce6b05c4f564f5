/**
 * CORS for the REST API (design/api-contract.md section 7, narrowed by architecture.md section 11):
 * only origins listed in CORS_ORIGINS (comma-separated, exact `scheme://host[:port]`), never `*`,
 * credentials only on /api/tokens (the refresh cookie). No imports: proxy.ts uses it too.
 */
const METHODS = 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT';
const DEFAULT_HEADERS = 'authorization, content-type';

export function allowedOrigins(env: NodeJS.ProcessEnv = process.env): Set<string> {
  return new Set(
    (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter(Boolean),
  );
}

/** Only the token endpoint takes cookies across origins (the React client's `credentials: 'include'`). */
function withCredentials(pathname: string): boolean {
  return pathname === '/api/tokens';
}

/** The CORS headers of any API response (errors included): nothing for a foreign or absent Origin. */
export function corsHeaders(request: Request, pathname = new URL(request.url).pathname): Headers {
  const headers = new Headers({ Vary: 'Origin' });
  const origin = request.headers.get('origin');
  if (!origin || !allowedOrigins().has(origin)) return headers;
  headers.set('Access-Control-Allow-Origin', origin);
  if (withCredentials(pathname)) headers.set('Access-Control-Allow-Credentials', 'true');
  return headers;
}

export function isPreflight(request: Request): boolean {
  return request.method === 'OPTIONS' && request.headers.has('access-control-request-method');
}

/**
 * The answer to a preflight, without authentication: 204 with the methods and the requested headers
 * (tokens only: a header list is echoed after checking each name is a header name).
 */
export function preflightResponse(request: Request, pathname = new URL(request.url).pathname): Response {
  const headers = corsHeaders(request, pathname);
  if (headers.has('Access-Control-Allow-Origin')) {
    const requested = (request.headers.get('access-control-request-headers') ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => /^[a-z0-9-]{1,64}$/.test(h))
      .sort();
    headers.set('Access-Control-Allow-Methods', METHODS);
    headers.set('Access-Control-Allow-Headers', requested.length > 0 ? requested.join(', ') : DEFAULT_HEADERS);
    headers.set('Access-Control-Max-Age', '600');
  }
  return new Response(null, { status: 204, headers });
}
