'use client';

import { useEffect, useState } from 'react';
import { usePathname } from 'next/navigation';

/**
 * Shows a flash once: the cookie is deleted after mount (so a reload does not repeat it) and the
 * message hides on the next client-side navigation, like the reference's flashes.
 */
export function FlashMessage({ id, message }: { id: string; message: string }) {
  const pathname = usePathname();
  const [shownOn, setShownOn] = useState(pathname);
  const [lastId, setLastId] = useState(id);
  if (id !== lastId) {
    // A new flash arrived with a server render: show it on the current page.
    setLastId(id);
    setShownOn(pathname);
  }
  useEffect(() => {
    document.cookie = 'flash=; Max-Age=0; path=/; SameSite=Lax';
  }, [id]);
  if (pathname !== shownOn) return null;
  return (
    <div className="alert" role="status">
      {message}
    </div>
  );
}
