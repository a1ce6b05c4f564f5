'use client';

import { useLayoutEffect, useRef } from 'react';
import { placeCard } from './card-placement';
import { UserPopupDetails } from './user-popup-details';
import { useUserPopup } from './use-user-popup';

/**
 * The open card: a non-modal dialog named "About <username>", right after the name in the DOM, so Tab
 * from the name enters it and a screen reader's reading order reaches it next. Its body is a polite
 * live region (busy while loading), so the details are announced once they arrive. Absolutely
 * positioned: opening it never moves the page's content.
 */
export function UserPopoverCard({ id, username }: { id: string; username: string }) {
  const [state, setState] = useUserPopup(username);
  const cardRef = useRef<HTMLSpanElement>(null);

  // Placed before the first paint, from the name's box (the card's parent) and the card's own width.
  useLayoutEffect(() => {
    const card = cardRef.current;
    const name = card?.parentElement;
    if (!card || !name) return;
    const { side, left } = placeCard(name.getBoundingClientRect(), card.offsetWidth, document.documentElement.clientWidth);
    card.dataset.side = side;
    card.style.left = `${left}px`;
  }, []);

  return (
    <span ref={cardRef} id={id} role="dialog" aria-label={`About ${username}`} className="popover-card">
      <span className="popover-body" aria-live="polite" aria-busy={state.status === 'loading'}>
        {state.status === 'loading' ? <span className="popover-loading">Loading...</span> : null}
        {state.status === 'error' ? (
          <span className="popover-error" role="alert">
            {state.message}
          </span>
        ) : null}
        {state.status === 'ready' ? <UserPopupDetails user={state.user} onChange={(user) => setState({ status: 'ready', user })} /> : null}
      </span>
    </span>
  );
}
