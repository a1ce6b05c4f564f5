// Plain JavaScript (with a .d.mts beside it): proxy.ts sets this policy on pages Next.js renders, and
// server.mjs on the prerendered pages it serves itself (./prerendered-pages.mjs), so both use this one.

/**
 * The Content-Security-Policy of every page, with a per-request nonce that proxy.ts makes: Next.js
 * reads the nonce from the request's CSP header and puts it on its own scripts and styles, so no
 * inline script runs without it ('strict-dynamic' then lets those scripts load the app's chunks).
 * Pages built once for everyone (login, register, reset request) list their inline scripts' hashes instead.
 * The other security headers are the same for every response and set by server.mjs.
 */

/**
 * 128 random bits, base64: unguessable and new for each request.
 * @returns {string}
 */
export function newNonce() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * @param {{ nonce: string } | { hashes: string[] }} scripts how a page's own scripts are allowed: a fresh
 *   nonce for a page rendered per request, or the hashes of the inline scripts of a page served as a
 *   prerendered file (./prerendered-pages.mjs). With a nonce, 'strict-dynamic' lets the nonced scripts load the app's chunks; with
 *   hashes, the chunks (parser-inserted `<script src>` tags without a nonce) need 'self' instead, and
 *   only the listed inline scripts run.
 * @param {{ dev?: boolean, https?: boolean }} [options]
 * @param options.dev `next dev` needs 'unsafe-eval' (React rebuilds error stacks with eval); never in production.
 * @param options.https adds upgrade-insecure-requests (over plain http it would break local use).
 * @returns {string} the header's value
 */
export function contentSecurityPolicy(scripts, { dev = false, https = false } = {}) {
  const scriptSources = 'nonce' in scripts ? `'nonce-${scripts.nonce}' 'strict-dynamic'` : scripts.hashes.map((hash) => `'sha256-${hash}'`).join(' ');
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${scriptSources}${dev ? " 'unsafe-eval'" : ''}`,
    // A prerendered page has no inline styles (checked by e2e/security-headers.spec.ts): 'self' serves its stylesheet.
    `style-src 'self'${'nonce' in scripts ? ` 'nonce-${scripts.nonce}'` : ''}`,
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
