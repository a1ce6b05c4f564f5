'use server';

import { cookies } from 'next/headers';
import { THEME_COOKIE, THEME_MAX_AGE_S, themeSchema } from './theme';

/**
 * The theme switch without JavaScript: the form posts `theme` ("light" or "dark") and the page
 * re-renders with the new `data-theme`. With JavaScript the switch sets the same cookie in the browser
 * and never calls this. Anything else posted is ignored. Not HttpOnly: the browser writes it too, and it
 * carries nothing secret.
 */
export async function setThemeAction(formData: FormData): Promise<void> {
  const parsed = themeSchema.safeParse(formData.get('theme'));
  if (!parsed.success) return;
  (await cookies()).set(THEME_COOKIE, parsed.data, { path: '/', maxAge: THEME_MAX_AGE_S, sameSite: 'lax' });
}
