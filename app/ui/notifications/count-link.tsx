'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';
import { useUnreadCount } from './unread-count';

interface CountLinkProps {
  userId: number;
  href: string;
  /** The link's word ("Messages"). */
  label: string;
  /** The live notification that carries the count (unread_message_count...). */
  name: string;
  initialCount: number;
  /** What a screen reader hears for one and for several unread items ("unread message"). */
  unit: [singular: string, plural: string];
  /** Hidden, fixed-size badge element's class, so it can appear live without shifting the layout. */
  className?: string;
}

/**
 * A navigation link with an unread count kept current without reloading (Messages, Notifications).
 * The badge is always in the page, hidden at 0 and of a fixed size, so it can appear live and never
 * shifts the navigation (the bug of the second reference was a badge that only existed when the page
 * was rendered with unread items, so it could not appear later). The first one mounted starts the
 * live connection (live-notifications.ts runs it once per document, however many ask).
 */
export function CountLink({ userId, href, label, name, initialCount, unit, className = 'messages-link' }: CountLinkProps) {
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
      <Link href={href} prefetch={false} className={className}>
        <span className="visually-hidden">{count > 0 ? `${label}, ${shown} unread` : label}</span>
        <span aria-hidden="true">{label}</span>
        <span aria-hidden="true" className="badge" data-count={count}>
          {shown}
        </span>
      </Link>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </>
  );
}
