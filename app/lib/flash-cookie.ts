/**
 * The flash cookie's format, shared by the server (app/lib/flash.ts, which sets and reads it) and the
 * browser (app/ui/shared/cookie-flash.tsx, which reads it on pages built once for every visitor, where
 * the server never sees the request). Value: `<id>.<encodeURIComponent(message)>`.
 */
export const FLASH_COOKIE = 'flash';

export interface Flash {
  /** Unique per flash, so the same message twice in a row is still shown (and cleared) twice. */
  id: string;
  message: string;
}

/** A new cookie value for `message` (at most 300 characters are ever shown). */
export function flashCookieValue(message: string): string {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return `${id}.${encodeURIComponent(message)}`;
}

/** The flash in a cookie value as the server's cookie API decodes it, or null when it is not one. */
export function parseFlashCookie(value: string | undefined): Flash | null {
  const match = value ? /^([a-z0-9]{1,20})\.(.+)$/.exec(value) : null;
  if (!match) return null;
  try {
    return { id: match[1], message: decodeURIComponent(match[2]).slice(0, 300) };
  } catch {
    return null;
  }
}

/**
 * The flash in `document.cookie` (a `name=value; ...` header), or null. Next.js URI-encodes cookie
 * values once more when it sets them, so the value is decoded before parsing, as its cookie API does.
 */
export function flashFromCookieHeader(header: string): Flash | null {
  const pair = header.split(/;\s*/).find((part) => part.startsWith(`${FLASH_COOKIE}=`));
  if (!pair) return null;
  try {
    return parseFlashCookie(decodeURIComponent(pair.slice(FLASH_COOKIE.length + 1)));
  } catch {
    return null;
  }
}
