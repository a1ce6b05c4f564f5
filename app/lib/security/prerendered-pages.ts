import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The hash-based alternative to nonces for pages `next build` prerenders (login, register, reset
 * request: `dynamic = 'force-static'`). Such a page is served as the same file to everyone, so it
 * cannot carry a per-request nonce (the Next.js CSP guide); instead its Content-Security-Policy lists
 * the SHA-256 of each inline script in that file, and nothing else inline may run. The external
 * scripts are Next's own chunks from 'self'. (Next's `experimental.sri` would add integrity hashes for
 * those too, but only with webpack; this build uses Turbopack.)
 */

/** Base64 SHA-256 of each inline `<script>`'s text, in document order (as a CSP `'sha256-…'` wants it). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(attributes) || body.length === 0) continue;
    hashes.add(crypto.createHash('sha256').update(body, 'utf8').digest('base64'));
  }
  return [...hashes];
}

/** Where `next build` leaves its output; only `next build`'s production layout has prerendered HTML. */
const BUILD_DIR = path.join(process.cwd(), '.next');

let prerendered: Map<string, string[]> | undefined;

/**
 * Reads the build's prerender manifest and the HTML of each prerendered page, once per process.
 * A page that is missing (no build, `next dev`) is simply not in the map: it gets the nonce policy.
 */
function loadPrerenderedPages(): Map<string, string[]> {
  const pages = new Map<string, string[]>();
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(BUILD_DIR, 'prerender-manifest.json'), 'utf8')) as { routes?: Record<string, unknown> };
    for (const route of Object.keys(manifest.routes ?? {})) {
      const file = path.join(BUILD_DIR, 'server', 'app', `${route === '/' ? 'index' : route}.html`);
      if (fs.existsSync(file)) pages.set(route, inlineScriptHashes(fs.readFileSync(file, 'utf8')));
    }
  } catch {
    // No production build to read: every page gets the nonce policy, which is always correct.
  }
  return pages;
}

/**
 * The inline-script hashes of `pathname` when the production build serves it as a prerendered file,
 * else undefined (the page renders per request and gets a nonce). Always undefined outside production
 * (`next dev` renders every page per request, whatever an older build left in .next).
 */
export function prerenderedScriptHashes(pathname: string): string[] | undefined {
  if (process.env.NODE_ENV !== 'production') return undefined;
  prerendered ??= loadPrerenderedPages();
  return prerendered.get(pathname);
}
