'use client';

import { useEffect, useState } from 'react';
import { NavLink } from '../shared/nav-link';
import { useUnreadCount } from './unread-count';

interface CountLinkProps {
  userId: number;
  href: string;
  /** The link's word ("Messages"). */
  label: string;
  /** A shorter word shown under the icon on a phone (defaults to `label`). */
  shortLabel?: string;
  /** The icon shown beside (desktop) or over (phone) the word. */
  icon: React.ReactNode;
  /** The live notification that carries the count (unread_message_count...). */
  name: string;
  initialCount: number;
  /** What a screen reader hears for one and for several unread items ("unread message"). */
  unit: [singular: string, plural: string];
}

/**
 * A navigation link with an unread count kept current without reloading (Messages, Notifications).
 * The badge is always in the page, hidden at 0 and of a fixed size, so it can appear live and never
 * shifts the navigation: it sits over the icon's corner, out of the flow, so a hidden badge leaves
 * no gap (the bug of the second reference was a badge that only existed when the page
 * was rendered with unread items, so it could not appear later). The first one mounted starts the
 * live connection (live-notifications.ts runs it once per document, however many ask).
 */
export function CountLink({ userId, href, label, shortLabel, icon, name, initialCount, unit }: CountLinkProps) {
  const count = useUnreadCount(name, initialCount);
  const shown = count > 99 ? '99+' : String(count);

  // A polite live region speaks only when its text changes: set on increases seen on this page.
  const [previous, setPrevious] = useState(count);
  const [announcement, setAnnouncement] = useState('');
  if (count !== previous) {
    setPrevious(count);
    setAnnouncement(count > previous ? (count === 1 ? `You have 1 ${unit[0]}.` : `You have ${shown} ${unit[1]}.`) : '');
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
      {/* prefetch={false}: opening the page marks items read; a prefetch must not. Screen readers
          get one phrase ("Messages, 3 unread"), the eye the word and the badge. */}
      <NavLink href={href} prefetch={false} className="nav-item count-link">
        <span className="nav-icon-box">
          {icon}
          <span aria-hidden="true" className="badge" data-count={count}>
            {shown}
          </span>
        </span>
        <span className="visually-hidden">{count > 0 ? `${label}, ${shown} unread` : label}</span>
        <span aria-hidden="true" className="nav-label">
          {shortLabel ? (
            <>
              <span className="nav-label-long">{label}</span>
              <span className="nav-label-short">{shortLabel}</span>
            </>
          ) : (
            label
          )}
        </span>
      </NavLink>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </>
  );
}
