import 'server-only';
import { cookies } from 'next/headers';
import { parseTheme, THEME_COOKIE, type Theme } from './theme';

/** The reader's chosen theme from their cookie, or null to follow the system setting. */
export async function readTheme(): Promise<Theme | null> {
  return parseTheme((await cookies()).get(THEME_COOKIE)?.value);
}
