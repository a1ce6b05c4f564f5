import 'server-only';
import { headers } from 'next/headers';

/**
 * The site's origin for absolute links in e-mails. APP_URL (or AUTH_URL) wins when set, and should be
 * set in production: otherwise it comes from the request's Host, which a client can choose.
 */
export function siteOriginFrom(h: Headers, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.APP_URL?.trim() || env.AUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall through to the request's own origin
    }
  }
  const proto = h.get('x-forwarded-proto')?.split(',')[0].trim() === 'https' ? 'https' : 'http';
  const host = h.get('x-forwarded-host')?.split(',')[0].trim() || h.get('host') || 'localhost:3000';
  return `${proto}://${host}`;
}

export async function siteOrigin(): Promise<string> {
  return siteOriginFrom(await headers());
}
