'use client';

import Link from 'next/link';
import type { UserPopup } from '@/app/lib/user-popup';
import { plural } from '../shared/plural';
import { RelativeTime } from '../shared/relative-time';
import { PopoverFollowButton } from './popover-follow-button';

/**
 * The card's content, as the reference's popup: avatar, name, about me, last seen, counts; then Follow
 * and a private message link for someone else, or a link to edit your own profile. Spans only: the
 * card sits inside a post's <p>, where block elements are not allowed.
 */
export function UserPopupDetails({ user, onChange }: { user: UserPopup; onChange: (user: UserPopup) => void }) {
  const profile = `/user/${user.username}`;
  return (
    <>
      {/* eslint-disable-next-line @next/next/no-img-element -- an avatar URL already at its size, as in ../shared/avatar.tsx */}
      <img className="avatar popover-avatar" src={user.avatarUrl} width={64} height={64} alt="" decoding="async" />
      <span className="popover-line">
        <Link href={profile} prefetch={false} className="username">
          {user.username}
        </Link>
      </span>
      {user.aboutMe ? <span className="popover-line popover-about">{user.aboutMe}</span> : null}
      {user.lastSeen ? (
        <span className="popover-line popover-muted">
          Last seen <RelativeTime iso={user.lastSeen} />
        </span>
      ) : null}
      <span className="popover-line popover-counts">
        <span>{plural(user.followerCount, 'follower', 'followers')}</span>
        {' · '}
        <span>{`${user.followingCount} following`}</span>
      </span>
      <span className="popover-line popover-actions">
        {user.isSelf ? (
          <Link href="/edit-profile">Edit your profile</Link>
        ) : (
          <>
            <PopoverFollowButton user={user} onChange={onChange} />
            <Link href={`/send-message/${user.username}`} prefetch={false}>
              Send private message
            </Link>
          </>
        )}
      </span>
    </>
  );
}
