import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { IDENTICON_VERSION } from '../avatar';
import { identicon, normaliseAvatar, resizeAvatar, type NormalisedAvatar } from '../avatar-image';
import { getDb, type Database } from '../client';
import { NotFoundError } from '../errors';
import { avatars, users } from '../schema';
import type { Viewer } from '../viewer';
import { signedIn } from './guards';

/** A picture as the avatar route sends it. */
export interface AvatarImage {
  /** The stored picture's version, or IDENTICON_VERSION for a generated identicon. */
  version: string;
  contentType: 'image/webp' | 'image/png';
  body: Buffer;
}

// Resized pictures and identicons, per app instance. Keys include the version, so a new upload never
// serves an old picture; entries of replaced pictures simply age out. 32 MB holds about 10,000 avatars
// at the sizes pages use (2 to 4 KB each).
const resized = new LRUCache<string, AvatarImage>({ maxSize: 32 * 1024 * 1024, sizeCalculation: (image) => image.body.byteLength });

/**
 * The statement that stores (`avatar`), replaces or, with null, deletes a user's picture, for a batch
 * with other writes (see updateProfile).
 */
export function avatarWrite(db: Database, userId: number, avatar: NormalisedAvatar | null) {
  if (avatar === null) return db.delete(avatars).where(eq(avatars.userId, userId));
  const values = { version: avatar.version, contentType: avatar.contentType, image: avatar.image, updatedAt: new Date() };
  return db
    .insert(avatars)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: avatars.userId, set: values });
}

/**
 * The viewer's new picture, from the bytes of an uploaded file (any name; the format is read from the
 * bytes). Returns the new version.
 * @throws ValidationError (field `avatar`) for an empty, too large or unreadable file; UnauthenticatedError.
 */
export async function setAvatar(viewer: Viewer | null, upload: Uint8Array): Promise<{ version: string }> {
  const me = signedIn(viewer);
  const avatar = await normaliseAvatar(upload);
  await avatarWrite(getDb(), me.id, avatar);
  return { version: avatar.version };
}

/** The viewer goes back to the generated identicon (nothing happens without a picture). @throws UnauthenticatedError */
export async function removeAvatar(viewer: Viewer | null): Promise<void> {
  await avatarWrite(getDb(), signedIn(viewer).id, null);
}

/** Whether the viewer has uploaded a picture. @throws UnauthenticatedError */
export async function hasOwnAvatar(viewer: Viewer | null): Promise<boolean> {
  const me = signedIn(viewer);
  const [row] = await getDb().select({ one: sql`1` }).from(avatars).where(eq(avatars.userId, me.id));
  return row !== undefined;
}

/**
 * A user's avatar at `size` px (already clamped by the caller, see avatarSizeParam): their picture
 * (WebP) or their identicon (PNG). Public, like Gravatar's: avatars show wherever a name does, and
 * clients of the API load them without a session. One query reads the version; the picture itself is
 * read and resized only when this instance has not cached that size of that version yet.
 * @throws NotFoundError for an unknown user id.
 */
export async function getAvatarImage(input: { userId: number; size: number }): Promise<AvatarImage> {
  const { userId, size } = input;
  const db = getDb();
  const [row] = await db
    .select({ version: avatars.version })
    .from(users)
    .leftJoin(avatars, eq(avatars.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) throw new NotFoundError('No such user.');
  const version = row.version ?? IDENTICON_VERSION;
  const cached = resized.get(`${userId}:${version}:${size}`);
  if (cached) return cached;

  let image: AvatarImage;
  if (row.version === null) {
    image = { version, contentType: 'image/png', body: await identicon(userId, size) };
  } else {
    // Read the picture with its version: it may have changed since the first read.
    const [stored] = await db.select({ version: avatars.version, image: avatars.image }).from(avatars).where(eq(avatars.userId, userId));
    if (!stored) return getAvatarImage(input); // removed meanwhile: serve the identicon
    image = { version: stored.version, contentType: 'image/webp', body: await resizeAvatar(stored.image, size) };
  }
  resized.set(`${userId}:${image.version}:${size}`, image);
  return image;
}
