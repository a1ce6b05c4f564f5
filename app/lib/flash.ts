import 'server-only';
import { cookies } from 'next/headers';
import { FLASH_COOKIE, flashCookieValue, parseFlashCookie, type Flash } from './flash-cookie';


/**
 * One-time messages ("Your post is now live!"). An action sets a short-lived cookie; the root layout
 * renders it and a tiny client component deletes the cookie after mount, so a reload does not repeat
 * it and a prefetch cannot consume it. Pages built once for every anonymous visitor (login, register,
 * reset request) read it in the browser instead (app/ui/shared/cookie-flash.tsx).
 */
export async function setFlash(message: string): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, flashCookieValue(message), { path: '/', maxAge: 60, sameSite: 'lax' });
}

export async function readFlash(): Promise<Flash | null> {
  return parseFlashCookie((await cookies()).get(FLASH_COOKIE)?.value);
}
