'use client';

import { useEffect, useState } from 'react';
import { flashFromCookieHeader, type Flash } from '@/app/lib/flash-cookie';
import { FlashMessage } from './flash-message';

/**
 * The flash for pages built once for every anonymous visitor (login, register, reset request): the
 * server never renders them per request, so it cannot read the cookie; the browser does, after
 * hydration (the built HTML has no message, so reading it earlier would mismatch). FlashMessage then
 * shows it and deletes the cookie, as on every other page.
 */
export function CookieFlash() {
  const [flash, setFlash] = useState<Flash | null>(null);
  useEffect(() => {
    // Reading a browser-only value once after mount is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFlash(flashFromCookieHeader(document.cookie));
  }, []);
  return flash ? <FlashMessage id={flash.id} message={flash.message} /> : null;
}
