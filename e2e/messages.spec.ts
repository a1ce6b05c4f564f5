import { expect, login, signedInUser, test } from './fixtures';

test('messages: send from a profile, read in the inbox (marked new, then read), reply', async ({ browser }) => {
  const recipientContext = await browser.newContext();
  const recipientPage = await recipientContext.newPage();
  const recipient = await signedInUser(recipientPage, 'inbox');

  const senderContext = await browser.newContext();
  const page = await senderContext.newPage();
  const sender = await signedInUser(page, 'writer');
  await page.goto(`/user/${recipient.username}`);
  await page.getByRole('link', { name: 'Send private message' }).click();
  await expect(page.getByRole('heading', { name: `Send Message to ${recipient.username}` })).toBeVisible();

  // Empty and too long are refused with a message, and what was typed stays.
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Your message cannot be empty.')).toBeVisible();
  const long = 'x'.repeat(281);
  await page.getByLabel('Message').fill(long);
  await expect(page.getByText('1 character too many')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit' })).toBeDisabled();
  await page.getByLabel('Message').fill('Hello there, 👋 want to meet?');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Your message has been sent.')).toBeVisible();
  await expect(page.getByRole('heading', { name: `User: ${recipient.username}` })).toBeVisible();

  await recipientPage.goto('/messages');
  await expect(recipientPage.getByRole('heading', { name: 'Messages' })).toBeVisible();
  const message = recipientPage.getByRole('article').filter({ hasText: 'Hello there, 👋 want to meet?' });
  await expect(message.getByRole('link', { name: sender.username, exact: true })).toBeVisible();
  await expect(message.getByText('New', { exact: true })).toBeVisible();
  await recipientPage.reload();
  await expect(message.getByText('New', { exact: true })).toHaveCount(0);

  await message.getByRole('link', { name: `Reply to ${sender.username}` }).click();
  await expect(recipientPage.getByRole('heading', { name: `Send Message to ${sender.username}` })).toBeVisible();
  await recipientPage.getByLabel('Message').fill('Sure!');
  await recipientPage.getByRole('button', { name: 'Submit' }).click();
  await expect(recipientPage.getByText('Your message has been sent.')).toBeVisible();

  await page.goto('/messages');
  await expect(page.getByRole('article').filter({ hasText: 'Sure!' })).toBeVisible();
  // Nobody sees the other's inbox: the sender's inbox has only the reply.
  await expect(page.getByText('Hello there, 👋 want to meet?')).toHaveCount(0);
  await Promise.all([recipientContext.close(), senderContext.close()]);
});

test('messages: unknown recipients are a 404, oneself is refused, the inbox needs a session', async ({ page }) => {
  const me = await signedInUser(page, 'solo');
  await page.goto('/messages');
  await expect(page.getByText('No messages yet.')).toBeVisible();

  const response = await page.goto('/send-message/nobody-by-this-name');
  expect(response?.status()).toBe(404);
  await page.goto(`/send-message/${me.username}`);
  await expect(page.getByText('You cannot send a message to yourself.')).toBeVisible();
  await expect(page.getByLabel('Message')).toHaveCount(0);

  await page.goto(`/user/${me.username}`);
  await expect(page.getByRole('link', { name: 'Send private message' })).toHaveCount(0);

  await page.context().clearCookies();
  await page.goto('/messages');
  await expect(page).toHaveURL(/\/login\?next=%2Fmessages/);
  await login(page, me);
  await expect(page.getByRole('heading', { name: 'Messages' })).toBeVisible();
});
