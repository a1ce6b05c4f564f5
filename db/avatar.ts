import { createHash } from 'node:crypto';

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

export function gravatarUrl(hash: string, size: number): string {
  return `https://www.gravatar.com/avatar/${hash}?d=identicon&s=${size}`;
}

/** The reference's User.avatar(size). */
export function avatarUrl(email: string, size: number): string {
  return gravatarUrl(avatarHash(email), size);
}
