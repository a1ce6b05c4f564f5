import type { Browser, Page } from '@playwright/test';
import { expect, login, newUser, register, test, type TestUser } from './fixtures';
import { expectNoHorizontalScroll, hydrated } from './look';

// The main journeys on a 390 x 844 touch phone (the "phone" project of playwright.config.ts): every
// press is a tap, and the layout has to fit: one navigation row, 44 px touch targets, no sideways scroll.

/** Registers and signs in with taps and typing; the page ends on the home page. */
async function signUpByTouch(page: Page, prefix: string): Promise<TestUser> {
  const user = newUser(prefix);
  await register(page, user, { tap: true });
  await hydrated(page);
  await login(page, user, { tap: true });
  await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  await hydrated(page);
  return user;
}

/** A second person on a phone of their own (the project's device settings are the test's `page`'s). */
async function secondPhone(browser: Browser, prefix: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const user = await signUpByTouch(page, prefix);
  return { context, page, user };
}

async function post(page: Page, text: string) {
  const box = page.getByLabel('Say something');
  await box.fill(text);
  await expect(box).toHaveValue(text);
  await page.getByRole('button', { name: 'Submit' }).tap();
  await expect(page.getByText('Your post is now live!')).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: text })).toBeVisible();
}

/** The navigation is one row of items at least 44 px square, and nothing scrolls sideways. */
async function expectPhoneLayout(page: Page, label: string) {
  const items = page.getByRole('navigation', { name: 'Main' }).locator('.nav-item');
  const boxes = await items.evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBeGreaterThanOrEqual(4);
  for (const box of boxes) {
    expect(box.height, `nav item height on ${label}`).toBeGreaterThanOrEqual(44);
    expect(box.width, `nav item width on ${label}`).toBeGreaterThanOrEqual(44);
    expect(Math.round(box.top), `nav items on one row on ${label}`).toBe(Math.round(boxes[0].top));
  }
  await expectNoHorizontalScroll(page, label);
}

test('register, post, and find the way around from a phone', async ({ page }) => {
  test.slow();
  const me = await signUpByTouch(page, 'phone');
  await expectPhoneLayout(page, 'home');
  // The text box does not grab the focus (it would open the keyboard), and the empty timeline
  // points to Explore with a link.
  await expect(page.getByLabel('Say something')).not.toBeFocused();
  await page.getByRole('main').getByRole('link', { name: 'Explore' }).tap();
  await expect(page.getByRole('heading', { name: 'Explore' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Explore' })).toHaveAttribute('aria-current', 'page');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).tap();
  await expect(page.getByRole('heading', { name: `Hi, ${me.username}!` })).toBeVisible();
  await post(page, `From my phone ${Date.now()}`);
  await expectPhoneLayout(page, 'home with a post');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).tap();
  await expect(page.getByRole('heading', { name: `User: ${me.username}` })).toBeVisible();
  await expectPhoneLayout(page, 'profile');
  // The profile header stacks: the avatar above the name, not beside it.
  const avatar = await page.getByRole('region', { name: 'Profile' }).getByRole('img').boundingBox();
  const heading = await page.getByRole('heading', { name: `User: ${me.username}` }).boundingBox();
  expect(heading!.y).toBeGreaterThanOrEqual(avatar!.y + avatar!.height);
});

test('follow, open a user card by tapping a name, and exchange messages on phones', async ({ browser, page }) => {
  test.slow();
  const author = await secondPhone(browser, 'phonewriter');
  const body = `Tap my name ${Date.now()}`;
  await post(author.page, body);

  const reader = await signUpByTouch(page, 'phonereader');
  await page.goto(`/user/${author.user.username}`);
  await hydrated(page);
  await expectPhoneLayout(page, 'profile of another user');
  const profile = page.getByRole('region', { name: 'Profile' });
  await profile.getByRole('button', { name: 'Follow' }).tap();
  await expect(page.getByText(`You are following ${author.user.username}!`)).toBeVisible();
  await expect(profile.getByRole('button', { name: 'Unfollow' })).toBeVisible();
  await profile.getByRole('button', { name: 'Unfollow' }).tap();
  await expect(profile.getByRole('button', { name: 'Follow' })).toBeVisible();

  // A tap on a name opens its card instead of following the link; Follow works inside it.
  await page.goto('/explore');
  await hydrated(page);
  // The name in the post (.first()), not the same link inside its open card.
  const name = page.getByRole('article').filter({ hasText: body }).getByRole('link', { name: author.user.username, exact: true }).first();
  const card = page.getByRole('dialog', { name: `About ${author.user.username}` });
  await name.tap();
  await expect(card).toBeVisible();
  await expect(page).toHaveURL(/\/explore$/);
  await card.getByRole('button', { name: 'Follow' }).tap();
  await expect(card.getByRole('button', { name: 'Unfollow' })).toBeVisible();
  await expect(card.getByText('1 follower', { exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page, 'explore with a card open');
  // A tap elsewhere closes it; a tap on the name of an open card opens the profile.
  await page.getByRole('heading', { name: 'Explore' }).tap();
  await expect(card).toBeHidden();
  await name.tap();
  await expect(card).toBeVisible();
  await name.tap();
  await expect(page.getByRole('heading', { name: `User: ${author.user.username}` })).toBeVisible();

  // Messages: write from the profile; the author's badge shows it, and the inbox lists it.
  await hydrated(page);
  await page.getByRole('link', { name: 'Send private message' }).tap();
  await expect(page.getByRole('heading', { name: `Send Message to ${author.user.username}` })).toBeVisible();
  await hydrated(page);
  await page.getByLabel('Message').fill('Hello from my phone');
  await page.getByRole('button', { name: 'Submit' }).tap();
  await expect(page.getByText('Your message has been sent.')).toBeVisible();

  const messages = author.page.getByRole('link', { name: /^Messages/ });
  await expect(messages).toHaveAccessibleName('Messages, 1 unread');
  await messages.tap();
  const message = author.page.getByRole('article').filter({ hasText: 'Hello from my phone' });
  await expect(message.getByRole('link', { name: reader.username, exact: true })).toBeVisible();
  await expectPhoneLayout(author.page, 'messages');
  await author.context.close();
});
