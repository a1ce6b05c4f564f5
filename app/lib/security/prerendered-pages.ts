import path from 'node:path';
import { readPrerenderedPages } from '../../../server/prerendered-pages.mjs';

/**
 * The hashes proxy.ts lists in the policy of a prerendered page (login, register, reset request) on
 * the requests server.mjs leaves to Next.js (the router's RSC fetches of it, a signed-in visitor's
 * redirect); server.mjs serves signed-out page loads itself with the same hashes
 * (server/prerendered-pages.mjs).
 */

let prerendered: Map<string, string[]> | undefined;

/**
 * The inline-script hashes of `pathname` when the production build serves it as a prerendered file,
 * else undefined (the page renders per request and gets a nonce). Always undefined outside production
 * (`next dev` renders every page per request, whatever an older build left in .next). The build is
 * read once per process.
 */
export function prerenderedScriptHashes(pathname: string): string[] | undefined {
  if (process.env.NODE_ENV !== 'production') return undefined;
  prerendered ??= new Map([...readPrerenderedPages(path.join(process.cwd(), '.next'))].map(([route, page]) => [route, page.hashes]));
  return prerendered.get(pathname);
}
