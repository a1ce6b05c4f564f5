import { expect, login, newUser, register, test, type TestUser } from './fixtures';
import { messagesTo, resetLinkIn, waitForMessage } from './outbox';
import type { Page } from '@playwright/test';

const CHECK_EMAIL = 'Check your email for the instructions to reset your password';

async function requestReset(page: Page, email: string) {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Click to Reset It' }).click();
  await expect(page).toHaveURL('/reset-password');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Request Password Reset' }).click();
  await expect(page.getByText(CHECK_EMAIL)).toBeVisible();
  await expect(page).toHaveURL('/login');
}

async function setNewPassword(page: Page, password: string) {
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Repeat Password').fill(password);
  await page.getByRole('button', { name: 'Reset Password' }).click();
}

async function resetLinkFor(page: Page, user: TestUser, count = 1): Promise<string> {
  await requestReset(page, user.email);
  const raw = await waitForMessage(user.email, count);
  expect(raw).toMatch(/^Subject: \[Microblog\] Reset Your Password\r?$/m);
  expect(raw).toContain('text/html');
  const link = resetLinkIn(raw);
  expect(link).not.toBeNull();
  // An absolute link to this very server.
  expect(new URL(link!).origin).toBe(new URL(page.url()).origin);
  return link!;
}

test('forgot password: the e-mailed link sets a new password, once', async ({ page }) => {
  const user = newUser('r');
  await register(page, user);
  const link = await resetLinkFor(page, user);

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Reset Your Password' })).toBeVisible();
  // The form's own rules apply.
  await setNewPassword(page, 'short');
  await expect(page.getByText('Password must be at least 8 characters.')).toBeVisible();
  await setNewPassword(page, 'a brand new secret');
  await expect(page.getByText('Your password has been reset.')).toBeVisible();
  await expect(page).toHaveURL('/login');

  await login(page, user);
  await expect(page.getByText('Invalid username or password')).toBeVisible();
  // The earlier notice gives way to the answer to this attempt.
  await expect(page.getByText('Your password has been reset.')).toBeHidden();
  await login(page, { ...user, password: 'a brand new secret' });
  await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
});

test('a used link shows a clear message and a way to ask again', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = newUser('r');
  await register(page, user);
  const link = await resetLinkFor(page, user);
  await page.goto(link);
  await setNewPassword(page, 'a brand new secret');
  await expect(page.getByText('Your password has been reset.')).toBeVisible();

  await page.goto(link);
  await expect(page.getByText(/This password reset link is invalid, has expired or was already used\./)).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
  await page.getByRole('link', { name: 'Request a new password reset link' }).click();
  await expect(page).toHaveURL('/reset-password');
  await expect(page.getByRole('button', { name: 'Request Password Reset' })).toBeVisible();
  await context.close();
});

test('a link used in another tab meanwhile is refused on submit', async ({ browser }) => {
  const context = await browser.newContext();
  const [first, second] = [await context.newPage(), await context.newPage()];
  const user = newUser('r');
  await register(first, user);
  const link = await resetLinkFor(first, user);
  await first.goto(link);
  await second.goto(link);
  await setNewPassword(first, 'first new secret');
  await expect(first.getByText('Your password has been reset.')).toBeVisible();
  await setNewPassword(second, 'second new secret');
  await expect(second.getByText(/This password reset link is invalid, has expired or was already used\./)).toBeVisible();
  await context.close();
});

test('a forged link is refused', async ({ page }) => {
  await page.goto(`/reset-password/${'A'.repeat(43)}`);
  await expect(page.getByText(/This password reset link is invalid/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Request a new password reset link' })).toBeVisible();
});

test('an unknown e-mail gets the same answer and no mail', async ({ page }) => {
  const email = `${newUser('nobody').username}@example.com`;
  await requestReset(page, email);
  // A known address's mail would be written within moments; give this one the same chance.
  const known = newUser('r');
  await register(page, known);
  await requestReset(page, known.email);
  await waitForMessage(known.email);
  expect(messagesTo(email)).toEqual([]);
});

test('resetting the password ends the sessions the user had', async ({ browser }) => {
  const signedIn = await browser.newContext();
  const page = await signedIn.newPage();
  const user = newUser('r');
  await register(page, user);
  await login(page, user);
  await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();

  const other = await browser.newContext();
  const resetPage = await other.newPage();
  const link = await resetLinkFor(resetPage, user);
  await resetPage.goto(link);
  await setNewPassword(resetPage, 'a brand new secret');
  await expect(resetPage.getByText('Your password has been reset.')).toBeVisible();

  await page.goto('/explore');
  await expect(page).toHaveURL('/login?next=%2Fexplore');
  await expect(page.getByText('Please log in to access this page.')).toBeVisible();
  await signedIn.close();
  await other.close();
});

test('a signed-in user visiting /reset-password goes home', async ({ page }) => {
  const user = newUser('r');
  await register(page, user);
  await login(page, user);
  await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  for (const path of ['/reset-password', `/reset-password/${'A'.repeat(43)}`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  }
});
