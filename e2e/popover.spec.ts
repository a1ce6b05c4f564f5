import type { Browser, Page } from '@playwright/test';
import { expect, login, signedInUser, test, type TestUser } from './fixtures';
import { hydrated } from './look';

// The user popover (app/ui/popover): hovering or keyboard-focusing a username for half a second opens a
// card about the user, fetched from /user/<username>/popup. Every test makes its own users.

/** A new user in a browser context of their own, with one post; the context is closed again. */
async function authorWithPost(browser: Browser, body: string): Promise<TestUser> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const author = await signedInUser(page, 'popauthor');
  await page.getByLabel('Say something').fill(body);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Your post is now live!')).toBeVisible();
  await context.close();
  return author;
}

/** Signs in a new reader and opens the author's profile page, where the author's post shows their name. */
async function readerOnProfile(page: Page, author: TestUser): Promise<TestUser> {
  const reader = await signedInUser(page, 'popreader');
  await page.goto(`/user/${author.username}`);
  await expect(page.getByRole('heading', { name: `User: ${author.username}` })).toBeVisible();
  await hydrated(page);
  return reader;
}

/** A user's name in the posts or list rows of the page (the first, not the one inside its card), and its card. */
function nameAndCard(page: Page, username: string) {
  return {
    name: page.getByRole('article').getByRole('link', { name: username, exact: true }).first(),
    card: page.getByRole('dialog', { name: `About ${username}` }),
  };
}

// Each test signs up two people (two bcrypt hashes, two sign-ins) before its first hover: on a loaded
// machine that alone took 27 s of the default 30, so these tests get twice the budget.
test.describe.configure({ timeout: 60_000 });

const isPopupRequest = (url: string | URL) => new URL(url).pathname.endsWith('/popup');

test('hovering a name opens its card; Follow in the card updates the card and the page', async ({ browser, page }) => {
  const body = `popover hover ${Date.now()}`;
  const author = await authorWithPost(browser, body);
  await readerOnProfile(page, author);
  const { name, card } = nameAndCard(page, author.username);
  await expect(name).toHaveAttribute('aria-expanded', 'false');
  const postBefore = await page.getByText(body).boundingBox();

  await name.hover();
  await expect(card).toBeVisible();
  await expect(card.getByText('0 followers', { exact: true })).toBeVisible();
  await expect(card.getByText('0 following', { exact: true })).toBeVisible();
  await expect(card.getByRole('link', { name: author.username, exact: true })).toHaveAttribute('href', `/user/${author.username}`);
  await expect(card.getByText(/^Last seen/)).toBeVisible();
  await expect(card.getByRole('link', { name: 'Send private message' })).toHaveAttribute('href', `/send-message/${author.username}`);
  await expect(card.getByRole('link', { name: 'Edit your profile' })).toHaveCount(0);
  await expect(name).toHaveAttribute('aria-expanded', 'true');
  await expect(name).toHaveAttribute('aria-controls', (await card.getAttribute('id'))!);
  // The card floats above the page: the post did not move.
  expect(await page.getByText(body).boundingBox()).toEqual(postBefore);

  const profile = page.getByRole('region', { name: 'Profile' });
  await card.getByRole('button', { name: 'Follow' }).click();
  await expect(card.getByRole('button', { name: 'Unfollow' })).toBeVisible();
  await expect(card.getByText('1 follower', { exact: true })).toBeVisible();
  await expect(profile.getByRole('link', { name: '1 follower', exact: true })).toBeVisible();
  await expect(profile.getByRole('button', { name: 'Unfollow' })).toBeVisible();

  // The pointer leaves both the name and the card: it closes.
  await page.mouse.move(0, 0);
  await expect(card).toBeHidden();
  await expect(name).toHaveAttribute('aria-expanded', 'false');

  // Unfollow with the page's own button, then hover again: the card is fetched afresh, never stale.
  await profile.getByRole('button', { name: 'Unfollow' }).click();
  await expect(profile.getByRole('link', { name: '0 followers', exact: true })).toBeVisible();
  await name.hover();
  await expect(card.getByText('0 followers', { exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Follow' })).toBeVisible();
});

test('keyboard focus opens the card and Escape closes it, focus back on the name', async ({ browser, page }) => {
  const body = `popover keyboard ${Date.now()}`;
  const author = await authorWithPost(browser, body);
  await readerOnProfile(page, author);
  const { name, card } = nameAndCard(page, author.username);

  // Start keyboard navigation from the post's text: the name is two focusable elements back (the
  // post's time, a link to its own page, sits between them).
  await page.getByText(body).click();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(name).toBeFocused();
  await expect(card.getByRole('button', { name: 'Follow' })).toBeVisible();

  // The card follows the name in the tab order, and its button works from the keyboard.
  await page.keyboard.press('Tab');
  await expect(card.getByRole('link', { name: author.username, exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Follow' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card.getByText('1 follower', { exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Unfollow' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-expanded', 'false');

  // Leaving and coming back opens it again.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(name).toBeFocused();
  await expect(card).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
});

test('a quick pass over a name fetches nothing; a hover fetches once; leaving aborts the fetch', async ({ browser, page }) => {
  const author = await authorWithPost(browser, `popover quick pass ${Date.now()}`);
  const reader = await readerOnProfile(page, author);
  // The reader's home timeline shows two names: the author's (followed) and their own (a post).
  await page.getByRole('region', { name: 'Profile' }).getByRole('button', { name: 'Follow' }).click();
  await expect(page.getByText(`You are following ${author.username}!`)).toBeVisible();
  await page.goto('/');
  await page.getByLabel('Say something').fill('a post of the reader');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Your post is now live!')).toBeVisible();
  await hydrated(page);
  const { name, card } = nameAndCard(page, author.username);
  const own = nameAndCard(page, reader.username);
  const requests: string[] = [];
  page.on('request', (request) => {
    if (isPopupRequest(request.url())) requests.push(new URL(request.url()).pathname);
  });

  await name.hover();
  await page.mouse.move(0, 0);
  // A later, deterministic event: the reader's own card opens at least half a second after the quick
  // pass began, so a fetch the quick pass had scheduled would have been sent by then.
  await own.name.hover();
  await expect(own.card.getByRole('link', { name: 'Edit your profile' })).toBeVisible();
  expect(requests).toEqual([`/user/${reader.username}/popup`]);
  await page.mouse.move(0, 0);
  await expect(own.card).toBeHidden();

  await name.hover();
  await expect(card.getByText('1 follower', { exact: true })).toBeVisible();
  expect(requests).toEqual([`/user/${reader.username}/popup`, `/user/${author.username}/popup`]);
  await page.mouse.move(0, 0);
  await expect(card).toBeHidden();

  // Hold the next answer: the card shows its placeholder, and leaving cancels the request.
  await page.route(isPopupRequest, () => {});
  await name.hover();
  await expect(card.getByText('Loading...')).toBeVisible();
  const aborted = page.waitForEvent('requestfailed', (request) => isPopupRequest(request.url()));
  await page.mouse.move(0, 0);
  expect((await aborted).failure()?.errorText).toBe('net::ERR_ABORTED');
  await expect(card).toBeHidden();
  expect(requests).toHaveLength(3);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('your own name offers "Edit your profile", also in a list of followers', async ({ browser, page }) => {
  const author = await authorWithPost(browser, `popover self ${Date.now()}`);
  const reader = await readerOnProfile(page, author);
  const profile = page.getByRole('region', { name: 'Profile' });
  await profile.getByRole('button', { name: 'Follow' }).click();
  await expect(page.getByText(`You are following ${author.username}!`)).toBeVisible();

  // A client-side navigation: the list is rendered by React in the page, so it reacts at once.
  await profile.getByRole('link', { name: '1 follower', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Followers of ${author.username}` })).toBeVisible();
  const { name, card } = nameAndCard(page, reader.username);
  await name.hover();
  await expect(card.getByRole('link', { name: 'Edit your profile' })).toHaveAttribute('href', '/edit-profile');
  await expect(card.getByText('1 following', { exact: true })).toBeVisible();
  await expect(card.getByRole('button')).toHaveCount(0);
  await expect(card.getByRole('link', { name: 'Send private message' })).toHaveCount(0);
});

test('a session that ended shows a message in the card instead of following', async ({ browser, page }) => {
  const author = await authorWithPost(browser, `popover session ${Date.now()}`);
  const reader = await readerOnProfile(page, author);
  const { name, card } = nameAndCard(page, author.username);
  await name.hover();
  await expect(card.getByRole('button', { name: 'Follow' })).toBeVisible();

  // Signed out everywhere from another browser: this page's cookie no longer names a live session.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await login(other, reader);
  await expect(other.getByRole('heading', { name: `Hi, ${reader.username}!` })).toBeVisible();
  await other.goto('/settings');
  await other.getByRole('button', { name: 'Sign Out Everywhere' }).click();
  await expect(other.getByText('You have been signed out everywhere.')).toBeVisible();

  await card.getByRole('button', { name: 'Follow' }).click();
  await expect(card.getByRole('alert')).toHaveText('Your session has ended. Please log in again.');
  await expect(card.getByRole('button', { name: 'Follow' })).toBeVisible();
  await otherContext.close();
});

test('the popup endpoint: JSON without private fields, 404 and 401 as JSON, never cached', async ({ page, playwright, baseURL }) => {
  const user = await signedInUser(page, 'popapi');
  const ok = await page.request.get(`/user/${user.username}/popup`);
  expect(ok.status()).toBe(200);
  expect(ok.headers()['cache-control']).toContain('no-store');
  const data = await ok.json();
  expect(data).toMatchObject({ username: user.username, followerCount: 0, followingCount: 0, isSelf: true, isFollowing: false });
  expect(data.avatarUrl).toMatch(/^\/avatar\/\d+\?v=0&s=64$/);
  expect(JSON.stringify(data)).not.toContain(user.email);

  const missing = await page.request.get('/user/nobody-at-all/popup');
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: 'Not Found' });

  // Fetched by script: an anonymous request gets a JSON 401, not a redirect to the login page.
  const anonymous = await playwright.request.newContext({ baseURL });
  const denied = await anonymous.get(`/user/${user.username}/popup`, { maxRedirects: 0 });
  expect(denied.status()).toBe(401);
  expect(await denied.json()).toEqual({ error: 'Unauthorized' });
  await anonymous.dispose();
});
