import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { siteOriginFrom } from '../site-origin';

/**
 * The origin of the API request being answered, so representations can turn the site's own paths
 * (avatar URLs) into absolute URLs: a client on another origin (the React client) loads them from
 * the API's site, not its own. Set once per request by apiHandler; APP_URL (or AUTH_URL) wins.
 */
const origin = new AsyncLocalStorage<string>();

export function withRequestOrigin<T>(request: Request, work: () => Promise<T>): Promise<T> {
  return origin.run(siteOriginFrom(request.headers), work);
}

/** `path` made absolute with the current request's origin (unchanged when already absolute). */
export function absoluteUrl(path: string): string {
  return path.startsWith('/') ? `${origin.getStore() ?? ''}${path}` : path;
}
