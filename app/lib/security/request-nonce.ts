import 'server-only';
import { headers } from 'next/headers';

/**
 * The nonce of this request's Content-Security-Policy (proxy.ts forwards the policy as a request
 * header), for inline scripts of our own; undefined on prerendered pages, whose policy lists hashes.
 */
export async function requestNonce(): Promise<string | undefined> {
  const policy = (await headers()).get('content-security-policy');
  return policy?.match(/'nonce-([^']+)'/)?.[1];
}
