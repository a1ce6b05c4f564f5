import 'server-only';
import { cookies } from 'next/headers';

/**
 * One-time messages ("Your post is now live!"). An action sets a short-lived cookie; the root layout
 * renders it and a tiny client component deletes the cookie after mount, so a reload does not repeat
 * it and a prefetch cannot consume it.
 */
export const FLASH_COOKIE = 'flash';

export interface Flash {
  /** Unique per flash, so the same message twice in a row is still shown (and cleared) twice. */
  id: string;
  message: string;
}

export async function setFlash(message: string): Promise<void> {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  (await cookies()).set(FLASH_COOKIE, `${id}.${encodeURIComponent(message)}`, { path: '/', maxAge: 60, sameSite: 'lax' });
}

export async function readFlash(): Promise<Flash | null> {
  const value = (await cookies()).get(FLASH_COOKIE)?.value;
  const match = value ? /^([a-z0-9]{1,20})\.(.+)$/.exec(value) : null;
  if (!match) return null;
  try {
    return { id: match[1], message: decodeURIComponent(match[2]).slice(0, 300) };
  } catch {
    return null;
  }
}
