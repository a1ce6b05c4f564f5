/**
 * The Content-Security-Policy of every page, with a per-request nonce that proxy.ts makes: Next.js
 * reads the nonce from the request's CSP header and puts it on its own scripts and styles, so no
 * inline script runs without it ('strict-dynamic' then lets those scripts load the app's chunks).
 * The other security headers are the same for every response and set by server.mjs.
 */

/** 128 random bits, base64: unguessable and new for each request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * @param options.dev `next dev` needs 'unsafe-eval' (React rebuilds error stacks with eval); never in production.
 * @param options.https adds upgrade-insecure-requests (over plain http it would break local use).
 */
export function contentSecurityPolicy(nonce: string, { dev = false, https = false }: { dev?: boolean; https?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // Avatars come from Gravatar (db/avatar.ts).
    "img-src 'self' data: https://www.gravatar.com",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}
