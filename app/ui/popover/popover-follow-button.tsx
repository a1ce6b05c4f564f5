'use client';

import { useState, useTransition } from 'react';
import { changeFollowFromPopoverAction } from '@/app/lib/actions/follows';
import type { UserPopup } from '@/app/lib/user-popup';
import { buttonClass } from '../shared/submit-button';

/**
 * Follow/Unfollow inside the card. The action answers with the user's fresh card (new counts, new
 * label) and re-renders the page in the same response (its refresh()), so a profile's counts
 * behind the card change too. Failures become a message in the card, never a crash.
 */
export function PopoverFollowButton({ user, onChange }: { user: UserPopup; onChange: (user: UserPopup) => void }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const toggle = () =>
    startTransition(async () => {
      try {
        const result = await changeFollowFromPopoverAction({ username: user.username, follow: !user.isFollowing });
        setError(result.ok ? null : result.message);
        if (result.ok) onChange(result.user);
      } catch {
        setError('Something went wrong. Please try again.');
      }
    });
  return (
    <>
      {/* aria-disabled, not disabled: a disabled button drops the keyboard focus, which would close the card. */}
      <button type="button" className={buttonClass(user.isFollowing ? 'secondary' : 'primary')} onClick={pending ? undefined : toggle} aria-disabled={pending}>
        {user.isFollowing ? 'Unfollow' : 'Follow'}
      </button>
      {error ? (
        <span className="popover-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
