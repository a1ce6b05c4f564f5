import sharp from 'sharp';
import type { Page, Request } from '@playwright/test';
import { expect, signedInUser, test } from './fixtures';
import { hydrated } from './look';

// Own avatars (Edit Profile's "Picture"), served by Microblog itself, and no request to anyone else.

/** A real 400 x 300 PNG, drawn by sharp: a diagonal gradient. */
async function pngPicture(): Promise<Buffer> {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><defs><linearGradient id="g" x2="1" y2="1">' +
    '<stop offset="0" stop-color="#e11d48"/><stop offset="1" stop-color="#2563eb"/></linearGradient></defs>' +
    '<rect width="400" height="300" fill="url(#g)"/></svg>';
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Whether an <img> finished loading a real picture (not a broken image). */
async function loadedWidth(page: Page, selector: ReturnType<Page['locator']>): Promise<number> {
  await expect(selector).toBeVisible();
  await expect.poll(() => selector.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  return selector.evaluate((img: HTMLImageElement) => img.naturalWidth);
}

async function post(page: Page, body: string) {
  await page.goto('/');
  await page.getByLabel('Say something').fill(body);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Your post is now live!')).toBeVisible();
}

test('an uploaded picture shows on the profile, the posts and the popover; Remove picture brings the identicon back', async ({ page, browser }) => {
  test.slow(); // two users, nine pages, two uploads
  const author = await signedInUser(page, 'pic');
  const body = `my new picture ${Date.now()}`;
  await post(page, body);

  await page.goto('/edit-profile');
  const before = await page.getByAltText('Your current picture').getAttribute('src');
  expect(before).toMatch(/^\/avatar\/\d+\?v=0&s=64$/);
  await page.getByLabel('Picture').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: await pngPicture() });
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Your changes have been saved.')).toBeVisible();

  // The profile: the new picture's URL (a new version), served as a 128 px WebP cached for good.
  await page.goto(`/user/${author.username}`);
  const profileAvatar = page.getByAltText(`Avatar of ${author.username}`);
  const src = (await profileAvatar.getAttribute('src'))!;
  expect(src).toMatch(/^\/avatar\/\d+\?v=[0-9a-f]{16}&s=128$/);
  expect(await loadedWidth(page, profileAvatar)).toBe(128);
  const response = await page.request.get(src);
  expect(response.headers()['content-type']).toBe('image/webp');
  expect(response.headers()['cache-control']).toContain('immutable');
  const version = new URL(src, 'http://x').searchParams.get('v');

  // The post, in another reader's explore page, and the popover on the author's name.
  const context = await browser.newContext();
  const reader = await context.newPage();
  await signedInUser(reader, 'picreader');
  await reader.goto('/explore');
  const article = reader.getByRole('article').filter({ hasText: body });
  const postAvatar = article.locator('img.avatar');
  await expect(postAvatar).toHaveAttribute('src', `/avatar/${src.split('/')[2].split('?')[0]}?v=${version}&s=70`);
  expect(await loadedWidth(reader, postAvatar)).toBe(70);
  await hydrated(reader); // the hover reaches React
  await article.getByRole('link', { name: author.username, exact: true }).hover();
  const card = reader.getByRole('dialog', { name: `About ${author.username}` });
  await expect(card).toBeVisible();
  const cardAvatar = card.locator('img');
  await expect(cardAvatar).toHaveAttribute('src', new RegExp(`\\?v=${version}&s=64$`));
  expect(await loadedWidth(reader, cardAvatar)).toBe(64);
  await context.close();

  // Remove picture: back to the identicon (a PNG), everywhere.
  await page.goto('/edit-profile');
  await page.getByLabel('Remove picture').check();
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Your changes have been saved.')).toBeVisible();
  await page.goto(`/user/${author.username}`);
  await expect(profileAvatar).toHaveAttribute('src', /^\/avatar\/\d+\?v=0&s=128$/);
  expect(await loadedWidth(page, profileAvatar)).toBe(128);
});

test('bad uploads get clear messages and keep what was typed', async ({ page }) => {
  test.slow();
  const user = await signedInUser(page, 'badpic');
  await page.goto('/edit-profile');
  await page.getByLabel('About me').fill('typed before the upload');
  const submit = page.getByRole('button', { name: 'Submit' });
  const picture = page.getByLabel('Picture');
  const error = page.locator('#avatar-error');

  // A text file named .png: only the server can tell, from its bytes.
  await picture.setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('just some text, not a picture\n') });
  await submit.click();
  await expect(error).toHaveText('This file is not a picture we can read. Please choose a JPEG, PNG, WebP or GIF image.');
  await expect(picture).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('About me')).toHaveValue('typed before the upload');
  await expect(page.getByLabel('Username')).toHaveValue(user.username);
  await expect(page.getByText('Your changes have been saved.')).toHaveCount(0);

  // Too large and empty: refused as soon as they are chosen, never sent.
  await picture.setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(6 * 1024 * 1024, 1) });
  await expect(error).toHaveText('The picture is too large (6.0 MB). The limit is 5 MB.');
  await expect(submit).toBeDisabled();
  await picture.setInputFiles({ name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) });
  await expect(error).toHaveText('The file is empty. Please choose a picture.');
  await expect(submit).toBeDisabled();
  await expect(page.getByLabel('About me')).toHaveValue('typed before the upload');

  // Choosing nothing again: the text saves, the identicon stays.
  await picture.setInputFiles([]);
  await expect(error).toHaveCount(0);
  await submit.click();
  await expect(page.getByText('Your changes have been saved.')).toBeVisible();
  await page.goto(`/user/${user.username}`);
  await expect(page.getByText('typed before the upload')).toBeVisible();
  await expect(page.getByAltText(`Avatar of ${user.username}`)).toHaveAttribute('src', /\?v=0&s=128$/);
});

test('no request leaves the app’s origin on any page', async ({ page, baseURL }) => {
  test.slow(); // thirteen pages
  const origin = new URL(baseURL!).origin;
  const elsewhere: string[] = [];
  const seen = (request: Request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) elsewhere.push(url);
  };
  page.on('request', seen);

  await page.goto('/login');
  await page.goto('/register');
  await page.goto('/reset-password');
  const user = await signedInUser(page, 'origin');
  await post(page, 'a post so the pages show avatars');
  const pages = ['/', '/explore', `/user/${user.username}`, `/user/${user.username}/followers`, `/user/${user.username}/following`, '/edit-profile', '/settings', '/messages', `/send-message/${user.username}x`, '/no-such-page'];
  for (const path of pages) {
    await page.goto(path);
    // Not 'networkidle': the live badge's event stream stays open. Instead: every image the page has
    // loaded or will load points here (lazy ones below the fold have made no request yet).
    await page.waitForLoadState('load');
    const sources = await page.locator('img').evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).src));
    for (const src of sources) if (new URL(src).origin !== origin) elsewhere.push(`${path}: <img src=${src}>`);
  }
  // The popover loads its avatar too.
  await page.goto('/explore');
  const article = page.getByRole('article').first();
  await hydrated(page);
  await article.getByRole('link').first().hover();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect.poll(() => page.getByRole('dialog').locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

  expect(elsewhere).toEqual([]);
});
