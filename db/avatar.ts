import { createHash } from 'node:crypto';

/** Gravatar's key: the md5 of the trimmed, lower-cased e-mail (as the reference computes it). */
export function avatarHash(email: string): string {
  return createHash('md5').update(email.trim().toLowerCase()).digest('hex');
}

export function gravatarUrl(hash: string, size: number): string {
  return `https://www.gravatar.com/avatar/${hash}?d=identicon&s=${size}`;
}

/** The reference's User.avatar(size). */
export function avatarUrl(email: string, size: number): string {
  return gravatarUrl(avatarHash(email), size);
}
