import Link from 'next/link';
import type { ProfileDTO } from '@/db/queries/profiles';
import { Avatar } from '../shared/avatar';
import { plural } from '../shared/plural';
import { RelativeTime } from '../shared/relative-time';
import { FollowButton } from './follow-button';

export function ProfileHeader({ profile }: { profile: ProfileDTO }) {
  const base = `/user/${profile.username}`;
  return (
    <section className="profile card" aria-label="Profile">
      <Avatar avatar={profile.avatar} size={128} alt={`Avatar of ${profile.username}`} />
      <div className="post-main">
        <h1>User: {profile.username}</h1>
        {profile.aboutMe ? <p className="post-body">{profile.aboutMe}</p> : null}
        {profile.lastSeen ? (
          <p className="post-meta">
            Last seen <RelativeTime iso={profile.lastSeen} />
          </p>
        ) : null}
        <p className="counts">
          <Link href={`${base}/followers`}>{plural(profile.followerCount, 'follower', 'followers')}</Link>
          {' · '}
          <Link href={`${base}/following`}>{profile.followingCount} following</Link>
          {' · '}
          <span>{plural(profile.postCount, 'post', 'posts')}</span>
        </p>
        {profile.isSelf ? (
          <p className="profile-links">
            <Link href="/edit-profile">Edit your profile</Link>
            {' · '}
            <Link href="/settings">Settings</Link>
          </p>
        ) : (
          <div className="profile-actions">
            <FollowButton username={profile.username} isFollowing={profile.isFollowing} />
            <Link href={`/send-message/${encodeURIComponent(profile.username)}`}>Send private message</Link>
          </div>
        )}
      </div>
    </section>
  );
}
