import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { avatarOf, avatarSizeParam, avatarUrl } from '../avatar';
import { normaliseAvatar } from '../avatar-image';
import { AVATAR_MAX_BYTES } from '../avatar-rules';
import { NotFoundError, UnauthenticatedError, ValidationError } from '../errors';
import { createTestUser, tempDatabaseForThisFile } from '../testing';
import { getAvatarImage, hasOwnAvatar, removeAvatar, setAvatar } from './avatars';
import { listConnections, followUser } from './follows';
import { createPost, listPosts } from './posts';
import { getOwnAccount, getProfile, updateProfile } from './profiles';

tempDatabaseForThisFile();

/** A real picture of the given format, made by sharp: a red-to-blue gradient, `width` x `height`. */
async function picture(format: 'jpeg' | 'png' | 'webp' | 'gif', width = 300, height = 200): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  return sharp(Buffer.from(svg)).toFormat(format).toBuffer();
}

const validationMessage = async (upload: Uint8Array) => {
  const error = await normaliseAvatar(upload).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).field).toBe('avatar');
  return (error as ValidationError).message;
};

afterEach(() => {
  delete process.env.AVATAR_GRAVATAR;
});

describe('uploaded pictures', () => {
  it.each(['jpeg', 'png', 'webp', 'gif'] as const)('accepts a %s picture and stores a 512 px square WebP', async (format) => {
    const stored = await normaliseAvatar(await picture(format, 300, 200));
    const meta = await sharp(stored.image).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 512, height: 512 });
    expect(stored.contentType).toBe('image/webp');
    expect(stored.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses a text file renamed .png, an empty file, an oversized file and a truncated picture, with clear messages', async () => {
    expect(await validationMessage(new TextEncoder().encode('this is not a picture, only text in a file named me.png\n'))).toBe(
      'This file is not a picture we can read. Please choose a JPEG, PNG, WebP or GIF image.',
    );
    expect(await validationMessage(new Uint8Array(0))).toBe('The file is empty. Please choose a picture.');
    expect(await validationMessage(new Uint8Array(AVATAR_MAX_BYTES + 200_000))).toBe('The picture is too large (5.2 MB). The limit is 5 MB.');
    const png = await picture('png');
    expect(await validationMessage(png.subarray(0, 60))).toMatch(/not a picture we can read/);
  });

  it('refuses other image formats (an SVG, a TIFF) and pictures with too many pixels', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    expect(await validationMessage(svg)).toMatch(/JPEG, PNG, WebP or GIF/);
    expect(await validationMessage(await sharp(await picture('png')).tiff().toBuffer())).toMatch(/JPEG, PNG, WebP or GIF/);
    // 10,000 x 5,000 pixels of one colour compress to a small PNG: refused from its header, not decoded.
    const huge = await sharp({ create: { width: 10_000, height: 5_000, channels: 3, background: '#fff' } }).png().toBuffer();
    expect(huge.byteLength).toBeLessThan(AVATAR_MAX_BYTES);
    expect(await validationMessage(huge)).toMatch(/too many pixels/);
  });

  it('stores, serves at any size, replaces and removes the viewer’s picture; URLs follow the version', async () => {
    const ann = await createTestUser();
    expect(await hasOwnAvatar(ann)).toBe(false);
    const identicon = await getAvatarImage({ userId: ann.id, size: 70 });
    expect(identicon).toMatchObject({ version: '0', contentType: 'image/png' });
    expect(await sharp(identicon.body).metadata()).toMatchObject({ format: 'png', width: 70, height: 70 });
    expect((await getOwnAccount(ann)).avatar).toBe(`/avatar/${ann.id}?v=0`);

    const { version } = await setAvatar(ann, await picture('jpeg'));
    expect(await hasOwnAvatar(ann)).toBe(true);
    const served = await getAvatarImage({ userId: ann.id, size: 70 });
    expect(served.version).toBe(version);
    expect(await sharp(served.body).metadata()).toMatchObject({ format: 'webp', width: 70, height: 70 });
    expect((await getOwnAccount(ann)).avatar).toBe(`/avatar/${ann.id}?v=${version}`);

    // A new picture: a new version, and the route serves it at once (the cache is keyed by version).
    const second = await setAvatar(ann, await picture('png', 100, 400));
    expect(second.version).not.toBe(version);
    expect((await getAvatarImage({ userId: ann.id, size: 70 })).version).toBe(second.version);

    await removeAvatar(ann);
    expect(await getAvatarImage({ userId: ann.id, size: 70 })).toMatchObject({ version: '0', contentType: 'image/png' });
    expect((await getOwnAccount(ann)).hasPicture).toBe(false);
  });

  it('saves the picture with the profile in one step, and keeps it when no file comes', async () => {
    const bea = await createTestUser();
    const avatar = await normaliseAvatar(await picture('webp'));
    await updateProfile(bea, { username: bea.username, aboutMe: 'hi', avatar });
    expect(await getOwnAccount(bea)).toMatchObject({ aboutMe: 'hi', hasPicture: true, avatar: `/avatar/${bea.id}?v=${avatar.version}` });
    await updateProfile(bea, { username: bea.username, aboutMe: 'still me' });
    expect(await getOwnAccount(bea)).toMatchObject({ aboutMe: 'still me', hasPicture: true });
    await updateProfile(bea, { username: bea.username, aboutMe: 'plain', avatar: null });
    expect(await getOwnAccount(bea)).toMatchObject({ hasPicture: false });
  });

  it('saves nothing, picture included, when the new username is taken', async () => {
    const cat = await createTestUser();
    const dan = await createTestUser();
    const avatar = await normaliseAvatar(await picture('png'));
    await expect(updateProfile(cat, { username: dan.username, aboutMe: '', avatar })).rejects.toMatchObject({ fields: { username: expect.any(String) } });
    expect(await hasOwnAvatar(cat)).toBe(false);
  });

  it('needs a session to change a picture; serving is public; an unknown user is a NotFoundError', async () => {
    await expect(setAvatar(null, await picture('png'))).rejects.toThrow(UnauthenticatedError);
    await expect(removeAvatar(null)).rejects.toThrow(UnauthenticatedError);
    await expect(getAvatarImage({ userId: 987_654, size: 64 })).rejects.toThrow(NotFoundError);
  });
});

describe('avatar URLs', () => {
  it('every DTO carries the same avatar: posts, profiles, follower lists', async () => {
    const eve = await createTestUser();
    const fay = await createTestUser();
    await followUser(fay, eve.username);
    await createPost(eve, { body: 'with a picture' });
    const { version } = await setAvatar(eve, await picture('gif'));
    const expected = `/avatar/${eve.id}?v=${version}`;
    const page = await listPosts(fay, { scope: { kind: 'home' } });
    expect(page.posts[0].author.avatar).toBe(expected);
    expect((await getProfile(fay, eve.username)).avatar).toBe(expected);
    const { page: list } = await listConnections(fay, { username: fay.username, direction: 'following' });
    expect(list.users[0].avatar).toBe(expected);
    expect((await getProfile(eve, fay.username)).avatar).toBe(`/avatar/${fay.id}?v=0`);
  });

  it('uses Gravatar only when the operator turns it on, and never for an uploaded picture', () => {
    const user = { id: 7, email: 'john@example.com', avatarVersion: null };
    expect(avatarOf(user)).toBe('/avatar/7?v=0');
    process.env.AVATAR_GRAVATAR = '1';
    expect(avatarOf(user)).toBe('https://www.gravatar.com/avatar/d4c74594d841139328695756648b6bd6?d=identicon');
    expect(avatarOf({ ...user, avatarVersion: 'abc' })).toBe('/avatar/7?v=abc');
  });

  it('adds the size; a client appending &s= gets that size; s is clamped to 16..512', () => {
    expect(avatarUrl('/avatar/7?v=0', 70)).toBe('/avatar/7?v=0&s=70');
    const params = new URL(`http://x${avatarUrl('/avatar/7?v=0', 128)}&s=256`).searchParams.getAll('s');
    expect(avatarSizeParam(params)).toBe(256);
    expect(avatarSizeParam([])).toBe(128);
    expect(avatarSizeParam(['3'])).toBe(16);
    expect(avatarSizeParam(['99999'])).toBe(512);
    expect(avatarSizeParam(['-5'])).toBe(128);
    expect(avatarSizeParam(['1e3'])).toBe(128);
  });
});
