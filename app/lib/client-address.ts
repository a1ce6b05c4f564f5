import 'server-only';
import ipaddr from 'ipaddr.js';
import { headers } from 'next/headers';

/**
 * The client's address. server.mjs replaces X-Forwarded-For with the one address it trusts (the
 * socket's, or the nearest hop its TRUSTED_PROXIES do not cover) before Next.js sees the request, so
 * the header holds a single entry; the last entry is taken in case a request got here another way.
 * Returns 'unknown' when there is none.
 */
export function clientAddressFrom(h: Headers): string {
  return h.get('x-forwarded-for')?.split(',').pop()?.trim() || 'unknown';
}

/**
 * The rate-limit key of an address: an IPv4 address as it is (also when written IPv4-mapped,
 * `::ffff:192.0.2.1`), an IPv6 address as its /64 network (`2001:db8:1:2::/64`), since one IPv6
 * subscriber usually holds a whole /64 and could otherwise take a fresh address per attempt.
 * Anything unparsable is kept as given.
 */
export function rateLimitClientKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  if (ip.kind() === 'ipv4') return ip.toString();
  const parts = (ip as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}

/** This request's rate-limit key (see rateLimitClientKey). */
export async function clientKey(): Promise<string> {
  return rateLimitClientKey(clientAddressFrom(await headers()));
}
