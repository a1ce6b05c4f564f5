import type { Page } from '@playwright/test';
import { expect, login, signedInUser, test, type TestUser } from './fixtures';
import { COLOUR_RULES, expectNavItemsApart, expectNoAxeViolations, expectNoHorizontalScroll, hydrated, saveScreenshot } from './look';

// Every page, signed out and signed in, in both themes (the system setting) and at desktop and phone
// width: no violation of axe's WCAG 2.0/2.1/2.2 A and AA rules, no sideways scrolling, and a
// screenshot of each for review (test-results/screenshots/<width>-<theme>-<page>.png).

const WIDTHS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;
const THEMES = ['light', 'dark'] as const;
/** The page background of each theme (--bg in app/globals.css): the page really is in that theme. */
const BACKGROUND = { light: 'rgb(246, 247, 249)', dark: 'rgb(15, 20, 25)' };

// The tests of this file share no state but the users below: run them on every worker.
test.describe.configure({ mode: 'parallel' });

// Set up once per worker: an author with a post whom the reader follows, and who writes to the reader.
let author: TestUser;
let reader: TestUser;
let authorPage: Page;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000); // two sign-ups, a post and a follow
  const context = await browser.newContext();
  authorPage = await context.newPage();
  author = await signedInUser(authorPage, 'a11yauthor');
  await authorPage.getByLabel('Say something').fill('A post to look at, in light and in dark. #a11ylook');
  await authorPage.getByRole('button', { name: 'Submit' }).click();
  await expect(authorPage.getByText('Your post is now live!')).toBeVisible();
  const readerContext = await browser.newContext();
  const readerPage = await readerContext.newPage();
  reader = await signedInUser(readerPage, 'a11yreader');
  await readerPage.goto(`/user/${author.username}`);
  await readerPage.getByRole('button', { name: 'Follow' }).click();
  await expect(readerPage.getByRole('button', { name: 'Unfollow' })).toBeVisible();
  await readerContext.close();
});

test.afterAll(async () => {
  await authorPage?.context().close();
});

/** A new unread message for the reader, so the inbox shows an unread row (opening it reads them). */
async function sendReaderAMessage() {
  await authorPage.goto(`/send-message/${reader.username}`);
  await authorPage.getByLabel('Message').fill(`Hello again, ${Date.now()}`);
  await authorPage.getByRole('button', { name: 'Submit' }).click();
  await expect(authorPage.getByText('Your message has been sent.')).toBeVisible();
}

for (const [width, options] of Object.entries(WIDTHS)) {
  test.describe(width, () => {
    test.use(options);

    /**
     * Checks the page as it is now in each theme (the system setting switched in place: one visit,
     * one sign-in for both) and saves a screenshot of each. Every rule runs in the first theme; the
     * second can only change colours, so it runs the colour rules.
     */
    async function check(page: Page, name: string) {
      await hydrated(page);
      for (const theme of THEMES) {
        await page.emulateMedia({ colorScheme: theme });
        await expect(page.locator('body')).toHaveCSS('background-color', BACKGROUND[theme]);
        await expectNoAxeViolations(page, `${name} (${width}, ${theme})`, { rules: theme === THEMES[0] ? undefined : COLOUR_RULES });
        await expectNoHorizontalScroll(page, `${name} (${width}, ${theme})`);
        await expectNavItemsApart(page, `${name} (${width}, ${theme})`);
        await saveScreenshot(page, `${width}-${theme}-${name}`);
      }
    }

    async function visit(page: Page, url: string, name: string) {
      await page.goto(url);
      await check(page, name);
    }

    test('signed out: login, register, password reset, not found', async ({ page }) => {
      test.setTimeout(240_000);
      await visit(page, '/login', 'login');
      await page.getByRole('button', { name: 'Sign In' }).click();
      await expect(page.getByRole('alert').first()).toBeVisible();
      await check(page, 'login-errors');
      await visit(page, '/login?next=%2Fexplore', 'login-next');
      await visit(page, '/register', 'register');
      await page.getByRole('button', { name: 'Register' }).click();
      await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
      await check(page, 'register-errors');
      await visit(page, '/reset-password', 'reset-request');
      await visit(page, '/reset-password/not-a-token', 'reset-invalid-token');
      await visit(page, '/no-such-page', 'not-found-signed-out');
    });

    test('signed in: home, explore, profiles and the user card', async ({ page }) => {
      test.setTimeout(240_000);
      await login(page, reader);
      await expect(page.getByRole('heading', { name: `Hi, ${reader.username}!` })).toBeVisible();
      await check(page, 'home');
      await page.getByRole('button', { name: 'Submit' }).click();
      await expect(page.getByText(/cannot be empty/)).toBeVisible();
      await check(page, 'home-errors');
      await visit(page, '/explore', 'explore');
      await visit(page, `/user/${reader.username}`, 'profile-self');
      await visit(page, `/user/${author.username}`, 'profile-other');

      // The user popover, opened as this kind of screen opens it: a hover, or a tap.
      const name = page.getByRole('article').getByRole('link', { name: author.username, exact: true }).first();
      if (width === 'phone') await name.tap();
      else await name.hover();
      await expect(page.getByRole('dialog', { name: `About ${author.username}` }).getByRole('button', { name: 'Unfollow' })).toBeVisible();
      await check(page, 'popover');

    });

    test('signed in: followers and following, edit profile, settings', async ({ page }) => {
      test.setTimeout(240_000);
      await login(page, reader);
      await expect(page.getByRole('heading', { name: `Hi, ${reader.username}!` })).toBeVisible();
      await visit(page, `/user/${reader.username}/following`, 'following');
      await visit(page, `/user/${author.username}/followers`, 'followers');
      await visit(page, '/edit-profile', 'edit-profile');
      await visit(page, '/settings', 'settings');
    });

    test('signed in: a post and its thread, likes, edit and delete, a tag, notifications, search', async ({ page }) => {
      test.setTimeout(240_000);
      await login(page, author);
      await expect(page.getByRole('heading', { name: `Hi, ${author.username}!` })).toBeVisible();
      await page.goto(`/user/${author.username}`);
      await page.getByRole('article').first().locator('a.post-time').click();
      await expect(page).toHaveURL(/\/post\/\d+$/);
      const postPath = new URL(page.url()).pathname;
      await check(page, 'post');
      await visit(page, `${postPath}/likes`, 'post-likes');
      await visit(page, `${postPath}/edit`, 'post-edit');
      await visit(page, `${postPath}/delete`, 'post-delete');
      await visit(page, '/tags/a11ylook', 'tag');
      await visit(page, '/activity', 'notifications');
      await visit(page, '/search?q=light', 'search');
      await expect(page.locator('mark').first()).toBeVisible();
      await visit(page, '/search?q=', 'search-empty');
    });

    test('signed in: messages, send message, not found, error', async ({ page }) => {
      test.setTimeout(240_000);
      await sendReaderAMessage();
      await login(page, reader);
      await expect(page.getByRole('heading', { name: `Hi, ${reader.username}!` })).toBeVisible();
      await visit(page, '/messages', 'messages');
      await expect(page.getByText('New', { exact: true }).first()).toBeVisible();
      await visit(page, `/send-message/${author.username}`, 'send-message');
      await visit(page, '/no-such-page', 'not-found');
      await visit(page, '/test-error', 'error');
    });
  });
}

test('the theme switch overrides the system setting and is remembered by the server', async ({ page }) => {
  test.slow();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/login');
  await hydrated(page);
  const html = page.locator('html');
  const dark = page.getByRole('button', { name: 'Dark theme' });
  await expect(html).not.toHaveAttribute('data-theme');
  await expect(dark).toHaveAttribute('aria-pressed', 'false');
  const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await dark.click();
  await expect(dark).toHaveAttribute('aria-pressed', 'true');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('body')).not.toHaveCSS('background-color', lightBackground);

  // A page rendered per request arrives dark in its HTML: the server reads the cookie.
  const response = await page.goto('/reset-password/not-a-token');
  expect(await response!.text()).toMatch(/<html[^>]*data-theme="dark"/);
  await expect(dark).toHaveAttribute('aria-pressed', 'true');
  // A prerendered page (the same file for everyone) is dark before its first paint: the head script
  // applies the cookie, under the page's hash-based CSP (the fixture fails the test on a violation).
  await page.goto('/register');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await expect(page.locator('body')).not.toHaveCSS('background-color', lightBackground);
  await hydrated(page);
  await expect(dark).toHaveAttribute('aria-pressed', 'true');
  await expectNoAxeViolations(page, 'register (dark chosen, system light)');

  // Chosen light stays light when the system turns dark.
  await page.emulateMedia({ colorScheme: 'dark' });
  await hydrated(page);
  await dark.click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('body')).toHaveCSS('background-color', lightBackground);
});

test('keyboard: the skip link is first and jumps over the navigation; the nav marks the current page', async ({ page }) => {
  await page.goto('/login');
  await hydrated(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Username')).toBeFocused();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Login' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');
});

test('the navigation fits without overlapping from a phone to a wide screen', async ({ page }) => {
  test.slow();
  await login(page, reader);
  await expect(page.getByRole('heading', { name: `Hi, ${reader.username}!` })).toBeVisible();
  for (const width of [360, 430, 601, 768, 1024, 1041, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    await expectNavItemsApart(page, `home at ${width} px`);
    await expectNoHorizontalScroll(page, `home at ${width} px`);
    // Every item keeps its name for screen readers whatever the width shows.
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Explore' })).toBeVisible();
  }
});

test('the site icon is served', async ({ request }) => {
  const ico = await request.get('/favicon.ico');
  expect(ico.status()).toBe(200);
  const svg = await request.get('/icon.svg');
  expect(svg.status()).toBe(200);
  expect(svg.headers()['content-type']).toContain('image/svg+xml');
});
