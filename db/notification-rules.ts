/**
 * Who is notified of what (the `activity` rows the notifications page lists): the one rule for the
 * app's writes (db/queries/post-writes.ts, likes.ts, follows.ts) and the demo seed (db/seed.ts).
 * Nobody is notified of their own doing. Pure: user ids in, user ids out.
 */

/**
 * A new or edited post by `authorId`, replying to a post by `parentAuthorId` (null: not a reply, or
 * its parent is gone) and mentioning `mentionedIds` (existing users other than the author).
 * @returns `reply`: the parent's author to notify of the reply, or null; `mentions`: the users to
 *   notify of a mention. A reply notifies its parent's author once, as a reply, even when it also
 *   mentions them.
 */
export function postNotifications(authorId: number, parentAuthorId: number | null, mentionedIds: number[]): { reply: number | null; mentions: number[] } {
  const reply = parentAuthorId !== null && parentAuthorId !== authorId ? parentAuthorId : null;
  const mentions = [...new Set(mentionedIds)].filter((id) => id !== authorId && id !== parentAuthorId);
  return { reply, mentions };
}

/** A like of a post by `authorId` from `likerId`: the author to notify, or null for their own post. */
export function likeNotification(authorId: number, likerId: number): number | null {
  return authorId === likerId ? null : authorId;
}
