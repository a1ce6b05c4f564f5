import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';

/**
 * Avatar URLs: the one place that decides where a user's picture comes from. Every DTO carries an
 * `avatar`, a URL with a query string and no size; `avatarUrl(avatar, size)` appends `&s=<size>`, and
 * so may any client of the API (the last `s` wins). Pages, the popover's JSON and the API all use it.
 *
 * - A user who uploaded a picture: `/avatar/<user id>?v=<version>` (served by app/avatar/[id]).
 * - Anyone else: `/avatar/<user id>?v=0`, a generated identicon served by Microblog too, unless the
 *   operator sets AVATAR_GRAVATAR=1: then Gravatar's URL (with its identicon fallback), as in the
 *   reference. Only then does any page make the browser contact a third party.
 */

/** Sizes in CSS pixels the avatar route serves; a requested size outside is clamped. */
export const AVATAR_MIN_SIZE = 16;
export const AVATAR_MAX_SIZE = 512;
/** The size served when a request names none (the reference's profile avatar). */
export const AVATAR_DEFAULT_SIZE = 128;
/** The `v` of users without an upload (their identicon never changes). */
export const IDENTICON_VERSION = '0';

/** What a query selects to build an avatar URL (see avatarColumns). */
export interface AvatarSourceRow {
  id: number;
  email: string;
  /** The uploaded picture's version, or null without an upload. */
  avatarVersion: string | null;
}

/**
 * The uploaded picture's version, as a column of a select that reads `user` under its own name (with
 * `email`, for Gravatar): a primary-key lookup in `avatar` that never reads the picture itself.
 */
export const avatarVersionColumn: SQL<string | null> = sql<string | null>`(select a.version from avatar a where a.user_id = "user"."id")`;

export function gravatarEnabled(): boolean {
  return process.env.AVATAR_GRAVATAR === '1';
}

// Every post on a page hashes its author's e-mail; the same few authors repeat from page to page.
const MEMO_LIMIT = 10_000;
const memo = new Map<string, string>();

/** Gravatar's key: the md5 of the trimmed, lower-cased e-mail (as the reference computes it). */
export function avatarHash(email: string): string {
  let hash = memo.get(email);
  if (hash === undefined) {
    hash = createHash('md5').update(email.trim().toLowerCase()).digest('hex');
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(email, hash);
  }
  return hash;
}

/** The path of a user's picture on this site, with its version (no size). */
export function avatarPath(userId: number, version: string): string {
  return `/avatar/${userId}?v=${encodeURIComponent(version)}`;
}

/**
 * A user's avatar URL without a size: a site-relative path, or Gravatar's absolute URL when
 * AVATAR_GRAVATAR=1 and the user uploaded nothing. Always has a query string.
 */
export function avatarOf(row: AvatarSourceRow): string {
  if (row.avatarVersion) return avatarPath(row.id, row.avatarVersion);
  if (gravatarEnabled()) return `https://www.gravatar.com/avatar/${avatarHash(row.email)}?d=identicon`;
  return avatarPath(row.id, IDENTICON_VERSION);
}

/** `avatar` (from avatarOf) at `size` CSS pixels: appends `&s=<size>`. */
export function avatarUrl(avatar: string, size: number): string {
  return `${avatar}&s=${size}`;
}

/**
 * The `s` of a request, clamped to [AVATAR_MIN_SIZE, AVATAR_MAX_SIZE]; the last one wins, so a client
 * may append `&s=` to a URL that already has one. Missing or not a number: AVATAR_DEFAULT_SIZE.
 */
export function avatarSizeParam(values: string[]): number {
  const last = values.at(-1);
  const n = last !== undefined && /^\d{1,6}$/.test(last) ? Number(last) : AVATAR_DEFAULT_SIZE;
  return Math.min(AVATAR_MAX_SIZE, Math.max(AVATAR_MIN_SIZE, n));
}
