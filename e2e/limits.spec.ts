import { expect, login, newUser, submitRegistration, test, type TestUser } from './fixtures';
import { cookiesOf, postCredentials, rawRequest, startSecondServer } from './second-server';

/**
 * The limits themselves, on a second server with the real defaults (the suite's own server raises
 * them), low posting limits, and 127.0.0.2 as the one trusted reverse proxy (TRUSTED_PROXIES): a
 * request from 127.0.0.2 may say who the client is, one from 127.0.0.1 (the browser) may not.
 */
test.describe.configure({ mode: 'serial' });

let server: Awaited<ReturnType<typeof startSecondServer>>;
const users: TestUser[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = await startSecondServer(1, {
    TRUSTED_PROXIES: '127.0.0.2',
    RATE_LIMIT_LOGIN_ACCOUNT_SLOWDOWN: '20',
    RATE_LIMIT_POSTS_PER_ACCOUNT: '3',
    RATE_LIMIT_MESSAGES_PER_ACCOUNT: '2',
  });
});
test.afterAll(async () => server?.stop());

test('a client is refused at the 6th sign-up whatever X-Forwarded-For it sends', async ({ browser }) => {
  test.slow();
  const context = await browser.newContext({ baseURL: server.baseURL });
  const page = await context.newPage();
  for (let i = 1; i <= 6; i++) {
    const user = newUser('lim');
    await page.setExtraHTTPHeaders({ 'X-Forwarded-For': `198.51.100.${i}`, 'X-Real-IP': `198.51.100.${i}` });
    await submitRegistration(page, user);
    if (i <= 5) {
      await expect(page.getByText('Congratulations, you are now a registered user!')).toBeVisible();
      users.push(user);
    } else {
      await expect(page.getByText(/^Too many accounts created from your network\. Please try again in \d+ minutes?\.$/)).toBeVisible();
      await expect(page.getByLabel('Username')).toHaveValue(user.username);
    }
  }
  await context.close();
});

test('26 wrong passwords from other addresses do not lock the owner out, and over HTTPS the cookie is __Host-', async ({ browser }) => {
  test.setTimeout(240_000);
  const owner = users[0];
  // An attacker behind the trusted proxy, a new address for each guess.
  for (let i = 0; i < 26; i++) {
    const refused = await postCredentials(server.baseURL, { username: owner.username, password: `guess ${i}` }, {
      localAddress: '127.0.0.2',
      headers: { 'X-Forwarded-For': `203.0.113.${i + 1}` },
    });
    expect(refused.status).toBe(302);
    expect(refused.headers.location).toContain('error=CredentialsSignin');
  }
  // The owner, from an address that has not been failing: signed in (after the account's slowdown).
  const context = await browser.newContext({ baseURL: server.baseURL });
  const page = await context.newPage();
  await page.goto('/login');
  await login(page, owner);
  await expect(page.getByRole('heading', { name: `Hi, ${owner.username}!` })).toBeVisible({ timeout: 30_000 });
  await context.close();

  // The same sign-in through the proxy over HTTPS: a __Host- cookie (Secure, Path=/, no Domain) and HSTS.
  const https = await postCredentials(server.baseURL, owner, { localAddress: '127.0.0.2', headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '198.51.100.77' } });
  const session = (https.headers['set-cookie'] ?? []).find((c) => c.startsWith('__Host-authjs.session-token='));
  expect(session).toMatch(/; Path=\/(;|$)/);
  expect(session).toContain('Secure');
  expect(session).not.toMatch(/Domain=/i);
  expect(https.headers['strict-transport-security']).toBe('max-age=31536000');
  // A client cannot claim HTTPS itself.
  const claimed = await rawRequest(`${server.baseURL}/login`, { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(claimed.headers['strict-transport-security']).toBeUndefined();
});

test('30 successful sign-ins in a row all work', async () => {
  test.setTimeout(300_000);
  const owner = users[1];
  for (let i = 0; i < 30; i++) {
    const response = await postCredentials(server.baseURL, owner);
    expect(response.headers.location, `sign-in ${i + 1}`).not.toContain('error=');
    expect(cookiesOf(response)).toContain('authjs.session-token=');
  }
});

test('posting and messaging limits say how long to wait and keep the typed text', async ({ browser }) => {
  test.slow();
  const [poster, recipient] = [users[2], users[3]];
  const context = await browser.newContext({ baseURL: server.baseURL });
  const page = await context.newPage();
  await page.goto('/login');
  await login(page, poster);
  await expect(page.getByRole('heading', { name: `Hi, ${poster.username}!` })).toBeVisible();
  for (let i = 1; i <= 3; i++) {
    await page.getByLabel('Say something').fill(`limited post ${i}`);
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect(page.getByRole('article').first()).toContainText(`limited post ${i}`);
  }
  await page.getByLabel('Say something').fill('one post too many');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText(/^You have reached the limit on posts for now\. Please try again in \d+ (minutes?|hours?)\.$/)).toBeVisible();
  await expect(page.getByLabel('Say something')).toHaveValue('one post too many');

  for (let i = 1; i <= 3; i++) {
    await page.goto(`/send-message/${recipient.username}`);
    await page.getByLabel('Message').fill(`message ${i}`);
    await page.getByRole('button', { name: 'Submit' }).click();
    if (i <= 2) await expect(page.getByText('Your message has been sent.')).toBeVisible();
  }
  await expect(page.getByText(/^You have reached the limit on private messages for now\. Please try again in \d+ minutes?\.$/)).toBeVisible();
  await expect(page.getByLabel('Message')).toHaveValue('message 3');
  await context.close();
});
