import { expect, signedInUser, test } from './fixtures';

test('posting: flash, newest first on home and explore, with avatar and relative time', async ({ page }) => {
  const user = await signedInUser(page);
  await expect(page.getByRole('link', { name: 'Microblog' })).toBeVisible();
  for (const body of ['first post', 'second post']) {
    await page.getByLabel('Say something').fill(body);
    await page.getByRole('button', { name: 'Submit' }).click();
    // Wait for this post itself: the previous post's flash has the same text.
    await expect(page.getByRole('article').first()).toContainText(body);
    await expect(page.getByText('Your post is now live!')).toBeVisible();
  }
  // Post, redirect, get: a reload does not post again or repeat the flash.
  await page.reload();
  await expect(page.getByText('Your post is now live!')).toHaveCount(0);
  const posts = page.getByRole('article');
  await expect(posts).toHaveCount(2);
  await expect(posts.nth(0)).toContainText('second post');
  await expect(posts.nth(1)).toContainText('first post');
  await expect(posts.nth(0).getByRole('link', { name: user.username, exact: true })).toBeVisible();
  await expect(posts.nth(0).locator('img')).toHaveAttribute('src', /^\/avatar\/\d+\?v=0&s=70$/);
  const time = posts.nth(0).locator('time');
  await expect(time).toHaveText(/now|second|minute/);
  await expect(time).toHaveAttribute('title', /\d/);

  await page.getByRole('link', { name: 'Explore' }).click();
  await expect(page.getByRole('heading', { name: 'Explore' })).toBeVisible();
  // Other tests post at the same time: look at this user's posts among everyone's.
  const mine = page.getByRole('article').filter({ has: page.getByRole('link', { name: user.username, exact: true }) });
  await expect(mine.first()).toContainText('second post');
  await expect(mine.nth(1)).toContainText('first post');
});

test('an empty or too long post gets a clear error and keeps the text', async ({ page }) => {
  await signedInUser(page);
  await page.getByLabel('Say something').fill('   ');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Your post cannot be empty.')).toBeVisible();

  const long = 'é'.repeat(281);
  await page.getByLabel('Say something').fill(long);
  await expect(page.getByText('1 character too many')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit' })).toBeDisabled();
  await page.getByLabel('Say something').fill('🎉'.repeat(280)); // 280 code points, 560 UTF-16 units
  await expect(page.getByText('0 characters left')).toBeVisible();
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Your post is now live!')).toBeVisible();
});

test('the server refuses a too long post even if the browser is bypassed', async ({ page }) => {
  await signedInUser(page);
  const box = page.getByLabel('Say something');
  await box.fill('x'.repeat(300));
  // Submit past the disabled button, as a hostile client would.
  await box.evaluate((el: HTMLTextAreaElement) => el.form!.requestSubmit());
  await expect(page.getByText('Your post must be at most 280 characters (it has 300).')).toBeVisible();
  await expect(box).toHaveValue('x'.repeat(300));
});

test('HTML in a post is shown as text and line breaks are kept', async ({ page }) => {
  await signedInUser(page);
  let dialog = false;
  page.on('dialog', () => (dialog = true));
  await page.getByLabel('Say something').fill('<script>alert(1)</script>\n<b>bold?</b>');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Your post is now live!')).toBeVisible();
  const body = page.getByRole('article').first().locator('.post-body');
  await expect(body).toHaveText('<script>alert(1)</script>\n<b>bold?</b>');
  expect(await body.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(30); // two lines
  await expect(page.locator('article b')).toHaveCount(0);
  expect(dialog).toBe(false);
});

test('home pages 25 posts at a time with working Newer and Older links', async ({ page }) => {
  // 26 posts through the form, each a server action and a redirect: over 30 s on a loaded CI machine.
  test.slow();
  await signedInUser(page);
  for (let i = 1; i <= 26; i++) {
    await page.getByLabel('Say something').fill(`post number ${i}`);
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect(page.getByRole('article').first()).toContainText(`post number ${i}`);
  }
  await expect(page.getByRole('article')).toHaveCount(25);
  await expect(page.getByText('← Newer posts')).not.toHaveAttribute('href');
  await page.getByRole('link', { name: 'Older posts →' }).click();
  await expect(page).toHaveURL(/\?before=/);
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('article')).toContainText('post number 1');
  await page.getByRole('link', { name: '← Newer posts' }).click();
  await expect(page.getByRole('article')).toHaveCount(25);
  await expect(page.getByRole('article').first()).toContainText('post number 26');
});
