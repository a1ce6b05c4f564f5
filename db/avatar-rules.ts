/**
 * The rules for uploaded avatars that need no decoding, shared by the data layer and the Edit Profile
 * form (which checks a chosen file before sending it). No dependencies, so a browser bundle can use it.
 */

/** The largest upload accepted, in bytes (5 MiB, shown as "5 MB"). */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
export const AVATAR_MAX_TEXT = '5 MB';
/** The formats accepted, as named to people and as MIME types (for the file picker's `accept`). */
export const AVATAR_TYPES_TEXT = 'JPEG, PNG, WebP or GIF';
export const AVATAR_ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';

/** Megabytes with one decimal, for messages ("6.2 MB"). */
const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The message for a file of `bytes` bytes that is empty or too large, or null when its size is fine. */
export function avatarSizeProblem(bytes: number): string | null {
  if (bytes === 0) return 'The file is empty. Please choose a picture.';
  if (bytes > AVATAR_MAX_BYTES) return `The picture is too large (${megabytes(bytes)}). The limit is ${AVATAR_MAX_TEXT}.`;
  return null;
}
