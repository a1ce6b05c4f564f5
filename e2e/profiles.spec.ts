import { expect, login, newUser, register, signedInUser, test } from './fixtures';

test('profile: counts, follow and unfollow in place, followed posts join the home timeline', async ({ browser }) => {
  const authorContext = await browser.newContext();
  const authorPage = await authorContext.newPage();
  const author = await signedInUser(authorPage, 'author');
  await authorPage.getByLabel('Say something').fill('hello from the author');
  await authorPage.getByRole('button', { name: 'Submit' }).click();
  await expect(authorPage.getByText('Your post is now live!')).toBeVisible();
  await authorContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const reader = await signedInUser(page, 'reader');
  await expect(page.getByText('hello from the author')).toHaveCount(0);

  await page.goto(`/user/${author.username}`);
  await expect(page.getByRole('heading', { name: `User: ${author.username}` })).toBeVisible();
  await expect(page.getByText('0 followers')).toBeVisible();
  await expect(page.getByText('1 post', { exact: true })).toBeVisible();
  await expect(page.getByText(/Last seen/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit your profile' })).toHaveCount(0);

  // A marker on window survives an in-place update but not a full page load.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByRole('button', { name: 'Follow' }).click();
  await expect(page.getByText(`You are following ${author.username}!`)).toBeVisible();
  await expect(page.getByText('1 follower', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unfollow' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

  await page.getByRole('link', { name: '1 follower', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Followers of ${author.username}` })).toBeVisible();
  await expect(page.getByRole('link', { name: reader.username })).toBeVisible();

  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByText('hello from the author')).toBeVisible();

  await page.goto(`/user/${author.username}`);
  await page.getByRole('button', { name: 'Unfollow' }).click();
  await expect(page.getByText(`You are not following ${author.username}.`)).toBeVisible();
  await expect(page.getByText('0 followers')).toBeVisible();
  await context.close();
});

test('an unknown user is a 404 page', async ({ page }) => {
  await signedInUser(page);
  const response = await page.goto('/user/nobody-at-all');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not Found' })).toBeVisible();
});

test('edit profile: about me and username change, a taken name is refused, own profile links', async ({ page }) => {
  const other = newUser('taken');
  await register(page, other);
  const me = newUser('editor');
  await register(page, me);
  await login(page, me);
  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { name: `User: ${me.username}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Follow' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Edit your profile' }).click();
  await expect(page.getByLabel('Email')).toHaveValue(me.email);

  await page.getByLabel('Username').fill(other.username);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Please use a different username.')).toBeVisible();

  await page.getByLabel('About me').fill('x'.repeat(141));
  await expect(page.getByText('1 character too many')).toBeVisible();
  await page.getByLabel('Username').fill(`${me.username}2`);
  await page.getByLabel('About me').fill('I like <b>tea</b>.');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Your changes have been saved.')).toBeVisible();
  await page.goto(`/user/${me.username}2`);
  await expect(page.getByText('I like <b>tea</b>.')).toBeVisible();
});
