// The pages `next build` prerenders (login, register, reset request: `dynamic = 'force-static'`) are
// the same bytes for every signed-out visitor. server.mjs serves those requests from memory before
// Next.js sees them, as a static file server would: through Next.js, proxy.ts and the router a
// prerendered page still costs about 3.5 ms of CPU (bench:reference), from memory a fraction of that.
// Anything else about such a URL (a session cookie, the router's RSC fetches, a POST, another method)
// goes to Next.js and proxy.ts as before.
// Plain JavaScript (with a .d.mts beside it): proxy.ts reads the same hashes through
// app/lib/security/prerendered-pages.ts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fresh from 'fresh';
import Negotiator from 'negotiator';
import { contentSecurityPolicy } from './content-security-policy.mjs';

/**
 * Base64 SHA-256 of each inline `<script>`'s text, in document order, each once (as a CSP
 * `'sha256-…'` source wants it): the hash-based alternative to nonces for a page served as the same
 * file to everyone, which cannot carry a per-request nonce (the Next.js CSP guide). The external
 * scripts are Next's own chunks from 'self'. (Next's `experimental.sri` would add integrity hashes for
 * those too, but only with webpack; this build uses Turbopack.)
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(attributes) || body.length === 0) continue;
    hashes.add(crypto.createHash('sha256').update(body, 'utf8').digest('base64'));
  }
  return [...hashes];
}

/**
 * The pages of the production build in `buildDir` (Next's `.next`) that were prerendered to HTML,
 * with their inline scripts' hashes. Next's own routes (`/_global-error`, `/_not-found`) and
 * prerendered non-pages (favicon.ico) are left out. Empty without a production build (`next dev`).
 * @param {string} buildDir
 * @returns {Map<string, { html: string, hashes: string[] }>} by pathname
 */
export function readPrerenderedPages(buildDir) {
  const pages = new Map();
  let routes;
  try {
    routes = Object.keys(JSON.parse(fs.readFileSync(path.join(buildDir, 'prerender-manifest.json'), 'utf8')).routes ?? {});
  } catch {
    return pages; // no production build to read: every page renders per request with a nonce
  }
  for (const route of routes) {
    if (route.startsWith('/_')) continue;
    const file = path.join(buildDir, 'server', 'app', `${route === '/' ? 'index' : route}.html`);
    if (!fs.existsSync(file)) continue;
    const html = fs.readFileSync(file, 'utf8');
    pages.set(route, { html, hashes: inlineScriptHashes(html) });
  }
  return pages;
}

/**
 * Every session cookie name ends so (app/lib/session-cookie.ts: `__Host-`, `__Secure-` or no prefix;
 * Auth.js adds `.0`, `.1` when it splits a large one); server/prerendered-pages.test.ts checks each.
 */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-|__Secure-)?authjs\.session-token(?:\.\d+)?=/;

/** The request headers and query parameter of the App Router's own fetches (flight data, prefetches, actions). */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action'];
const ROUTER_QUERY = '_rsc';

/**
 * Next's list for these pages, plus Cookie: a signed-in visitor is redirected instead (proxy.ts), so
 * a shared cache must not hand them the form.
 */
const VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding, Cookie';

/**
 * @typedef {{ body: Buffer, etag: string, encoding?: string }} Variant
 * @typedef {{ identity: Variant, gzip: Variant, policy: { http: string, https: string } }} Page
 */

/**
 * @param {string} html
 * @param {string[]} hashes
 * @returns {Page}
 */
function preparePage(html, hashes) {
  const identity = Buffer.from(html, 'utf8');
  const tag = crypto.createHash('sha256').update(identity).digest('base64url').slice(0, 27);
  return {
    identity: { body: identity, etag: `"${tag}"` },
    gzip: { body: zlib.gzipSync(identity, { level: zlib.constants.Z_BEST_COMPRESSION }), etag: `"${tag}-gzip"`, encoding: 'gzip' },
    policy: { http: contentSecurityPolicy({ hashes }), https: contentSecurityPolicy({ hashes }, { https: true }) },
  };
}

/**
 * Reads the build's prerendered pages once and returns the handler that serves them.
 * @param {{ buildDir: string }} options `buildDir`: Next's `.next` folder of a production build
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, context: { https: boolean }) => boolean}
 *   Answers a signed-out GET or HEAD of a prerendered page (200, or 304 to a matching If-None-Match;
 *   gzip when accepted) with its hash-based Content-Security-Policy and returns true; returns false
 *   and writes nothing for any other request. The caller has set the other security headers.
 */
export function prerenderedPageServer({ buildDir }) {
  /** @type {Map<string, Page>} */
  const pages = new Map();
  for (const [route, { html, hashes }] of readPrerenderedPages(buildDir)) pages.set(route, preparePage(html, hashes));

  return function servePrerenderedPage(req, res, { https }) {
    if (pages.size === 0 || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const page = pages.get(queryAt === -1 ? url : url.slice(0, queryAt));
    if (!page) return false;
    if (queryAt !== -1 && new URLSearchParams(url.slice(queryAt + 1)).has(ROUTER_QUERY)) return false;
    if (ROUTER_HEADERS.some((name) => req.headers[name] !== undefined)) return false;
    if (SESSION_COOKIE.test(req.headers.cookie ?? '')) return false;

    const variant = new Negotiator(req).encoding(['gzip', 'identity']) === 'gzip' ? page.gzip : page.identity;
    res.setHeader('Content-Security-Policy', https ? page.policy.https : page.policy.http);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    // Stored, but checked with the ETag each time: after a deploy the page names other script files.
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Vary', VARY);
    res.setHeader('ETag', variant.etag);
    if (fresh(req.headers, { etag: variant.etag })) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    if (variant.encoding) res.setHeader('Content-Encoding', variant.encoding);
    res.setHeader('Content-Length', variant.body.length);
    res.statusCode = 200;
    res.end(req.method === 'HEAD' ? undefined : variant.body);
    return true;
  };
}
