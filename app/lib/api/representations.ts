import { absoluteUrl } from './request-origin';
import type { LikeState } from '@/db/queries/likes';
import type { FullPostDTO } from '@/db/queries/posts';
import type { UserDTO } from '@/db/queries/user-directory';
import type { OffsetPage } from '@/db/queries/paging';

/**
 * The API's JSON shapes (design/api-contract.md section 2): snake_case keys, relative URLs,
 * timestamps as ISO 8601 UTC with six fractional digits and a `Z`, the fraction left out when zero
 * (the reference's Python isoformat). We store milliseconds, so the last three digits are zeros.
 */
export function formatTimestamp(date: Date): string {
  const iso = date.toISOString(); // 2024-07-01T12:34:56.789Z
  const ms = iso.slice(20, 23);
  return ms === '000' ? `${iso.slice(0, 19)}Z` : `${iso.slice(0, 19)}.${ms}000Z`;
}

export function userJson(user: UserDTO) {
  return {
    id: user.id,
    url: `/api/users/${user.id}`,
    username: user.username,
    email: user.email,
    has_password: user.hasPassword,
    // Absolute (served by this site, or Gravatar when the operator turned it on), and it already has a
    // query string: clients append `&s=<size>`.
    avatar_url: absoluteUrl(user.avatar),
    about_me: user.aboutMe,
    first_seen: formatTimestamp(user.firstSeen),
    last_seen: formatTimestamp(user.lastSeen),
    posts_url: `/api/users/${user.id}/posts`,
  };
}

/** A post's like state after a like or unlike. */
export function likeStateJson(state: LikeState) {
  return { liked: state.liked, like_count: state.likeCount };
}

export function postJson(post: FullPostDTO) {
  return {
    id: post.id,
    url: `/api/posts/${post.id}`,
    text: post.body,
    timestamp: formatTimestamp(post.timestamp),
    author: userJson(post.author),
    in_reply_to: post.inReplyToId,
    edited_at: post.editedAt ? formatTimestamp(post.editedAt) : null,
    like_count: post.likeCount,
    reply_count: post.replyCount,
    liked_by_viewer: post.likedByViewer,
  };
}

/** The pagination envelope; `limit` is the effective limit. */
export function pageJson<T, J>(page: OffsetPage<T>, limit: number, toJson: (item: T) => J) {
  return {
    data: page.items.map(toJson),
    pagination: { offset: page.offset, limit, count: page.items.length, total: page.total },
  };
}
