import { decode, type JWT } from 'next-auth/jwt';
import { SESSION_COOKIE_NAMES } from './session-cookie';

/**
 * Reads the Auth.js session cookie with Auth.js's own `decode`, remembering recent results: decoding
 * (key derivation plus decryption) costs about 1 ms, more than the page's SQL. A cache hit is keyed by
 * the exact cookie string and still checks the expiry, so it accepts nothing a fresh decode would refuse.
 */
const MAX_CACHED = 5000;
const cache = new Map<string, JWT>();

async function decodeCached(value: string, name: string, secret: string): Promise<JWT | null> {
  const key = `${name}:${value}`;
  let token: JWT | null | undefined = cache.get(key);
  if (!token) {
    try {
      token = await decode({ token: value, secret, salt: name });
    } catch {
      return null; // forged, truncated or signed with another secret: the same as no cookie
    }
    if (!token?.sub) return null;
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, token);
  }
  if (typeof token.exp === 'number' && token.exp * 1000 <= Date.now()) {
    cache.delete(key);
    return null;
  }
  return token;
}

export interface SessionToken {
  /** The cookie's name (with or without the __Secure- prefix). */
  name: string;
  token: JWT;
}

export async function readSessionToken(cookies: { get(name: string): { value: string } | undefined }): Promise<SessionToken | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  for (const name of SESSION_COOKIE_NAMES) {
    const value = cookies.get(name)?.value;
    if (!value) continue;
    const token = await decodeCached(value, name, secret);
    if (token) return { name, token };
  }
  return null;
}
