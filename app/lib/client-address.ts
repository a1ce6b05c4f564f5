import 'server-only';
import { headers } from 'next/headers';

/**
 * The client's address for rate limits. `next start` appends the socket's address to
 * X-Forwarded-For, so the last entry is the one a client cannot forge; behind a reverse proxy, that
 * proxy's own entry comes last (configure it to overwrite the header).
 */
export function clientAddressFrom(h: Headers): string {
  const forwarded = h.get('x-forwarded-for');
  const last = forwarded?.split(',').pop()?.trim();
  return last || h.get('x-real-ip') || 'unknown';
}

export async function clientAddress(): Promise<string> {
  return clientAddressFrom(await headers());
}
