import { createHash } from 'node:crypto';
import * as jdenticon from 'jdenticon';
import sharp from 'sharp';
import { avatarSizeProblem, AVATAR_TYPES_TEXT } from './avatar-rules';
import { ValidationError } from './errors';

/**
 * Decoding, normalising and resizing avatar pictures (sharp, i.e. libvips) and drawing identicons
 * (jdenticon). No database access: db/queries/avatars.ts stores and serves what this produces.
 */

/** Pictures are stored as squares of this many pixels; every served size is resized from it. */
export const AVATAR_STORED_SIZE = 512;
/**
 * Refuse pictures with more pixels than this before decoding them (a small file can declare a huge
 * image: a "decompression bomb"). 40 megapixels is above any phone camera's picture.
 */
const MAX_INPUT_PIXELS = 40_000_000;
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif']);

/** What an upload becomes: the stored picture and its version (a hash of its bytes). */
export interface NormalisedAvatar {
  image: Buffer;
  contentType: 'image/webp';
  version: string;
}

/**
 * Decodes an uploaded picture whatever its file name says (the format is read from its bytes), keeps
 * the first frame of an animation, applies the EXIF orientation, crops it to the centred square and
 * stores it as a AVATAR_STORED_SIZE px WebP (smaller pictures are enlarged, so every size can be served).
 * @throws ValidationError (field `avatar`) for an empty or too large file, a file that is not a JPEG,
 * PNG, WebP or GIF picture, or one with too many pixels.
 */
export async function normaliseAvatar(upload: Uint8Array): Promise<NormalisedAvatar> {
  const sizeProblem = avatarSizeProblem(upload.byteLength);
  if (sizeProblem) throw new ValidationError(sizeProblem, 'avatar');
  const notAPicture = new ValidationError(`This file is not a picture we can read. Please choose a ${AVATAR_TYPES_TEXT} image.`, 'avatar');
  let format: string | undefined;
  let pixels = 0;
  try {
    const meta = await sharp(upload, { limitInputPixels: false }).metadata();
    format = meta.format;
    pixels = (meta.width ?? 0) * (meta.height ?? 0);
  } catch {
    throw notAPicture;
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) throw notAPicture;
  if (pixels > MAX_INPUT_PIXELS) {
    throw new ValidationError(`The picture has too many pixels. Please choose one of at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels.`, 'avatar');
  }
  let image: Buffer;
  try {
    image = await sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(AVATAR_STORED_SIZE, AVATAR_STORED_SIZE, { fit: 'cover', position: 'centre' })
      .webp({ quality: 85 })
      .toBuffer();
  } catch {
    // The header was readable but the picture data is not (a truncated or corrupt file).
    throw notAPicture;
  }
  return { image, contentType: 'image/webp', version: createHash('sha256').update(image).digest('hex').slice(0, 16) };
}

/** A stored picture at `size` px (WebP). */
export async function resizeAvatar(stored: Uint8Array, size: number): Promise<Buffer> {
  if (size === AVATAR_STORED_SIZE) return Buffer.from(stored);
  return sharp(stored).resize(size, size).webp({ quality: 85 }).toBuffer();
}

/**
 * The identicon of a user at `size` px (PNG): a pattern drawn from the user id, so it never changes,
 * even when the username does. Drawn as SVG by jdenticon and rasterised by sharp (libvips' thread pool,
 * not the event loop; about 6 ms at 128 px).
 */
export async function identicon(userId: number, size: number): Promise<Buffer> {
  const svg = jdenticon.toSvg(`microblog-user-${userId}`, size, { backColor: '#f1f5f9', padding: 0.1 });
  return sharp(Buffer.from(svg)).png().toBuffer();
}
