'use client';

import { useEffect, useState } from 'react';
import { Mail } from 'lucide-react';
import { NavLink } from '../shared/nav-link';
import { useUnreadCount } from './unread-count';

/** What a screen reader hears when the count goes up while the page is open. */
function arrivalText(count: number, shown: string): string {
  return count === 1 ? 'You have 1 unread message.' : `You have ${shown} unread messages.`;
}

/**
 * The navigation's "Messages" link with the unread count, kept current without reloading. The badge
 * is always in the page (hidden at 0), so it can appear live (the bug of the second reference was a
 * badge that only existed when the page was rendered with unread messages, so it could not appear
 * later). It sits over the icon's corner, out of the flow: appearing or growing never moves the
 * navigation, and a hidden badge leaves no gap.
 */
export function MessagesBadge({ userId, initialCount }: { userId: number; initialCount: number }) {
  const count = useUnreadCount(initialCount);
  const shown = count > 99 ? '99+' : String(count);

  // A polite live region speaks only when its text changes: set on increases seen on this page.
  const [previous, setPrevious] = useState(count);
  const [announcement, setAnnouncement] = useState('');
  if (count !== previous) {
    setPrevious(count);
    setAnnouncement(count > previous ? arrivalText(count, shown) : '');
  }

  useEffect(() => {
    let stop: (() => void) | undefined;
    let unmounted = false;
    // Fetched after hydration and only here (signed-in pages): the connection code is its own chunk.
    void import('./live-notifications').then(({ startLiveNotifications }) => {
      if (!unmounted) stop = startLiveNotifications(userId);
    });
    return () => {
      unmounted = true;
      stop?.();
    };
  }, [userId]);

  return (
    <>
      {/* prefetch={false}: opening the inbox marks messages read; a prefetch must not. Screen readers
          get one phrase ("Messages, 3 unread"), the eye the word and the badge. */}
      <NavLink href="/messages" prefetch={false} className="nav-item messages-link">
        <span className="nav-icon-box">
          <Mail className="nav-icon" aria-hidden="true" />
          <span aria-hidden="true" className="badge" data-count={count}>
            {shown}
          </span>
        </span>
        <span className="visually-hidden">{count > 0 ? `Messages, ${shown} unread` : 'Messages'}</span>
        <span aria-hidden="true" className="nav-label">
          Messages
        </span>
      </NavLink>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </>
  );
}
