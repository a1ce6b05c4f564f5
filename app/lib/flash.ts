import 'server-only';
import { cookies } from 'next/headers';

/**
 * One-time messages ("Your post is now live!"). An action sets a short-lived cookie; the root layout
 * renders it and a tiny client component deletes the cookie after mount, so a reload does not repeat
 * it and a prefetch cannot consume it.
 */
export const FLASH_COOKIE = 'flash';

export async function setFlash(message: string): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, encodeURIComponent(message), { path: '/', maxAge: 60, sameSite: 'lax' });
}

export async function readFlash(): Promise<string | null> {
  const value = (await cookies()).get(FLASH_COOKIE)?.value;
  if (!value) return null;
  try {
    return decodeURIComponent(value).slice(0, 300);
  } catch {
    return null;
  }
}
