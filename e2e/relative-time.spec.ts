import { expect, signedInUser, test } from './fixtures';

test('a browser clock behind the server shows a fresh post as "now", never "in 3 minutes"', async ({ page }) => {
  await signedInUser(page, 'clock');
  await page.getByLabel('Say something').fill('Posted from a slow clock');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Your post is now live!')).toBeVisible();
  // The browser's clock runs 3 minutes behind the server that stamped the post.
  await page.clock.install({ time: Date.now() - 3 * 60_000 });
  await page.reload();
  const post = page.getByRole('article').filter({ hasText: 'Posted from a slow clock' });
  await expect(post.locator('time')).toHaveText('now');
  await expect(post.locator('time')).not.toHaveText(/^in /);
});
