import { z } from 'zod';

/**
 * The colour theme a reader chose with the navigation's switch. No choice (no cookie) means "follow
 * the system setting" (prefers-color-scheme); the stylesheet handles both cases. Shared by the server
 * (which reads the cookie to set `data-theme` on <html>, so the first paint is right) and the browser
 * (which writes the same cookie when the switch is pressed).
 */
export const THEME_COOKIE = 'theme';
export const themeSchema = z.enum(['light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

/** A year, in seconds: the choice is remembered until changed. */
export const THEME_MAX_AGE_S = 365 * 24 * 3600;

/** The cookie's value as a Theme; anything else (absent, tampered) means "follow the system". */
export function parseTheme(value: string | undefined | null): Theme | null {
  const parsed = themeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
