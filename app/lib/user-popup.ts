import 'server-only';
import { avatarUrl } from '@/db/avatar';
import type { ProfileDTO } from '@/db/queries/profiles';

/** Avatar size in the user popover (the reference's popup uses 64 px). */
export const POPUP_AVATAR_SIZE = 64;

/**
 * What the user popover shows, as `GET /user/<username>/popup` answers it. Only the fields the card
 * renders: the avatar comes as a ready URL at the card's size (db/avatar.ts).
 */
export interface UserPopup {
  username: string;
  aboutMe: string | null;
  /** ISO 8601 UTC, or null if never seen. */
  lastSeen: string | null;
  avatarUrl: string;
  followerCount: number;
  followingCount: number;
  isSelf: boolean;
  isFollowing: boolean;
}

export function userPopupFrom(profile: ProfileDTO): UserPopup {
  return {
    username: profile.username,
    aboutMe: profile.aboutMe,
    lastSeen: profile.lastSeen,
    avatarUrl: avatarUrl(profile.avatar, POPUP_AVATAR_SIZE),
    followerCount: profile.followerCount,
    followingCount: profile.followingCount,
    isSelf: profile.isSelf,
    isFollowing: profile.isFollowing,
  };
}
