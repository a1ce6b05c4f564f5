'use client';

import Link from 'next/link';
import { useEffect, useId, useRef } from 'react';
import { UserPopoverCard } from './user-popover-card';
import { useOpenIntent } from './use-open-intent';

const OPEN_DELAY_MS = 500; // the reference's Bootstrap popover delay
const CLOSE_DELAY_MS = 200; // time to cross the gap between the name and the card

/** Keyboard focus only: a mouse click also focuses the link, and must not hold the card open. */
function focusVisible(element: Element): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return true; // a browser without :focus-visible: treat every focus as keyboard focus
  }
}

/**
 * A username linking to its profile, with the user popover: hovering or keyboard-focusing the name
 * for half a second opens a card about the user (fetched then, never before); it closes when the
 * pointer has left both the name and the card, when focus leaves them, or on Escape.
 *
 * Touch screens have no hover: the first tap on a name opens its card (instead of following the
 * link), a second tap on the name opens the profile, and a tap anywhere outside closes the card.
 *
 * ARIA: the link keeps its role (activating it still opens the profile, so no aria-haspopup, which
 * would promise that activation opens a popup) and says with aria-expanded / aria-controls whether
 * its card is open and which element that is. The card is a non-modal role="dialog" (not a tooltip:
 * it holds a button and links) that follows the link in the DOM; focus is never moved into it.
 */
export function UserPopoverLink({ username, className }: { username: string; className?: string }) {
  const intent = useOpenIntent(OPEN_DELAY_MS, CLOSE_DELAY_MS);
  const { open, dismiss } = intent;
  const cardId = useId();
  const areaRef = useRef<HTMLSpanElement>(null);
  const linkRef = useRef<HTMLAnchorElement>(null);
  // Whether the press that is about to click the name came from a finger (set on pointerdown).
  const touchPress = useRef(false);

  // Escape closes the card wherever the focus is; if it was on the name or in the card, it goes
  // back to the name (before dismissing, so that this focus does not count as a new visit).
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      if (areaRef.current?.contains(document.activeElement)) linkRef.current?.focus();
      dismiss();
    };
    // A press outside the name and its card closes it (the way to close a tapped card on a phone).
    const onPointerDown = (event: PointerEvent) => {
      if (!areaRef.current?.contains(event.target as Node)) dismiss();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open, dismiss]);

  return (
    <span
      ref={areaRef}
      className="user-popover"
      // Touch has no hover: taps are handled by the link's onClick.
      onPointerDown={(event) => {
        touchPress.current = event.pointerType === 'touch';
      }}
      onPointerEnter={(event) => event.pointerType !== 'touch' && intent.pointer(true)}
      onPointerLeave={(event) => event.pointerType !== 'touch' && intent.pointer(false)}
      onFocus={(event) => focusVisible(event.target) && intent.focus(true)}
      onBlur={(event) => !event.currentTarget.contains(event.relatedTarget) && intent.focus(false)}
    >
      <Link
        ref={linkRef}
        href={`/user/${username}`}
        prefetch={false}
        className={className}
        aria-expanded={open} aria-controls={open ? cardId : undefined}
        onClick={(event) => {
          const touch = touchPress.current;
          touchPress.current = false; // a later Enter key press has no pointerdown
          if (!touch || open) return;
          event.preventDefault();
          intent.tap();
        }}
      >
        {username}
      </Link>
      {open ? <UserPopoverCard id={cardId} username={username} /> : null}
    </span>
  );
}
