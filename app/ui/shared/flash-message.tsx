'use client';

import { useEffect, useState } from 'react';
import { usePathname } from 'next/navigation';
import { FLASH_COOKIE } from '@/app/lib/flash-cookie';

/** Deletes the flash cookie in the browser; a no-op while rendering on the server. */
function clearFlashCookie() {
  if (typeof document !== 'undefined') document.cookie = `${FLASH_COOKIE}=; Max-Age=0; path=/; SameSite=Lax`;
}

/**
 * Shows a flash once and hides it on the next client-side navigation, like the reference's flashes,
 * or as soon as any form on the page is submitted: an earlier notice ("Your password has been reset.")
 * must not sit above the answer to what the user does next (a new error, or a new flash).
 * The cookie is deleted while the message renders in the browser, before it can be seen: an effect
 * would run after paint, and a reload in between would show the message a second time.
 */
export function FlashMessage({ id, message }: { id: string; message: string }) {
  const pathname = usePathname();
  const [shownOn, setShownOn] = useState(pathname);
  const [lastId, setLastId] = useState(() => {
    clearFlashCookie();
    return id;
  });
  if (id !== lastId) {
    // A new flash arrived with a server render (after an action): show it on the current page.
    clearFlashCookie();
    setLastId(id);
    setShownOn(pathname);
  }
  const [dismissed, setDismissed] = useState<string | null>(null);
  useEffect(() => {
    const dismiss = () => setDismissed(lastId);
    document.addEventListener('submit', dismiss);
    return () => document.removeEventListener('submit', dismiss);
  }, [lastId]);
  if (pathname !== shownOn || dismissed === lastId) return null;
  return (
    <div className="alert" role="status">
      {message}
    </div>
  );
}
