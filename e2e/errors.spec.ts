import { expect, signedInUser, test } from './fixtures';

test('an unknown address shows the friendly 404 page, signed in or not', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not Found' })).toBeVisible();
  await signedInUser(page);
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Not Found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page).toHaveURL('/');
});

test('a server error shows the friendly 500 page', async ({ page }) => {
  const response = await page.goto('/test-error');
  expect(response?.status()).toBe(500);
  await expect(page.getByRole('heading', { name: 'An unexpected error has occurred' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back' })).toBeVisible();
});

test('a request body over 1 MB gets a clear "too large" page, not a crash', async ({ request }) => {
  // Also on a profile whose name has a dot (a follow button posts there): it is a page, not a file.
  for (const path of ['/', '/user/john.doe']) {
    const response = await request.post(path, { multipart: { post: 'x'.repeat(1_500_000) } });
    expect(response.status()).toBe(413);
    expect(await response.text()).toContain('That was too large');
  }
});
