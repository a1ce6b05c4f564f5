import type { APIRequestContext, Request } from '@playwright/test';
import { expect, login, newUser, register, test } from './fixtures';

const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const isStream = (request: Request) => new URL(request.url()).pathname === '/notifications/stream';

/** GET `path` with exactly this Cookie header (a copied cookie), not following redirects. */
async function replay(request: APIRequestContext, path: string, cookie: string) {
  return request.get(path, { headers: { cookie }, maxRedirects: 0 });
}

test('sessions in Settings: both browsers listed, one signs the other out, whose page and live stream end', async ({ browser }) => {
  // Two browsers, a sign-up and two sign-ins (bcrypt): on a loaded machine (load 45 on 2 cores) every
  // step passed but the whole took over 90 s, launching the browser included.
  test.setTimeout(180_000);
  const user = newUser('sess');
  const [a, b] = [await browser.newContext(), await browser.newContext({ userAgent: FIREFOX_ON_WINDOWS })];
  const [pageA, pageB] = [await a.newPage(), await b.newPage()];
  await register(pageA, user);

  // B signs in first, with Remember Me, and keeps its home page open with its live notification stream.
  const streamOpened = pageB.waitForRequest(isStream, { timeout: 60_000 });
  await login(pageB, user, { remember: true });
  await expect(pageB.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  const stream = await streamOpened;

  await login(pageA, user);
  await expect(pageA.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  const streamEnded = new Promise<string>((resolve) => {
    b.on('requestfinished', (r) => r === stream && resolve('finished'));
    b.on('requestfailed', (r) => r === stream && resolve('failed'));
  });

  await pageA.goto('/settings');
  const list = pageA.getByRole('region', { name: 'Sessions' });
  const sessions = list.getByRole('listitem');
  await expect(sessions).toHaveCount(2);
  const own = sessions.filter({ hasText: 'This device' });
  await expect(own).toContainText(/Chrome \d+ on \w+/);
  // Only the network is shown (a /24 or /48), never the full address.
  await expect(own).toContainText(/Network \S+\/(24|48)/);
  await expect(own.getByRole('button', { name: /^Sign out/ })).toHaveCount(0);
  const other = sessions.filter({ hasText: 'Firefox 128 on Windows' });
  await expect(other).toContainText('Remembered');
  await expect(other).toContainText(/Signed in .* Last active /);

  await other.getByRole('button', { name: 'Sign out Firefox 128 on Windows 10' }).click();
  await expect(pageA.getByText('That session has been signed out.')).toBeVisible();
  await expect(sessions).toHaveCount(1);
  await expect(sessions.first()).toContainText('This device');

  // B's stream ended right away (the hub of the instance that signed it out was poked), and B is
  // signed out: its next navigation lands on the login page.
  const outcome = await Promise.race([streamEnded, new Promise((resolve) => setTimeout(() => resolve('still open after 5 s'), 5000))]);
  expect(outcome).toBe('finished');
  await pageB.goto('/explore');
  await expect(pageB).toHaveURL('/login?next=%2Fexplore');
  await expect(pageB.getByText('Please log in to access this page.')).toBeVisible();

  // A is still signed in.
  await pageA.goto('/');
  await expect(pageA.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  await Promise.all([a.close(), b.close()]);
});

test('after logout a copied session cookie is worth nothing: pages redirect to login, JSON answers 401', async ({ page, request }) => {
  test.slow(); // a sign-up, a sign-in and a dozen replayed requests; near 30 s on a loaded machine
  const user = newUser('sess');
  await register(page, user);
  await login(page, user, { remember: true });
  await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  const copied = (await page.context().cookies()).find((c) => c.name.endsWith('authjs.session-token'))!;
  const cookie = `${copied.name}=${copied.value}`;

  // While the session lasts, the copy works (as a cookie does).
  expect((await replay(request, '/', cookie)).status()).toBe(200);
  expect((await replay(request, '/notifications', cookie)).status()).toBe(200);
  expect(JSON.stringify(await (await replay(request, '/api/auth/session', cookie)).json())).toContain(user.username);

  await page.getByRole('button', { name: 'Logout' }).click();
  await expect(page.getByText('You have been logged out.')).toBeVisible();

  const home = await replay(request, '/', cookie);
  expect(home.status()).toBe(307);
  const ended = home.headers().location;
  expect(ended).toMatch(/^\/session-ended\?next=%2F$/);
  // That stop clears the cookie and goes on to the login page.
  const toLogin = await replay(request, ended, cookie);
  expect(toLogin.status()).toBe(307);
  expect(toLogin.headers().location).toBe('/login?next=%2F');

  for (const path of ['/notifications', '/notifications?since=0', '/notifications/stream']) {
    const response = await replay(request, path, cookie);
    expect(response.status(), path).toBe(401);
  }
  // Auth.js's own session endpoint knows no session either.
  expect(JSON.stringify(await (await replay(request, '/api/auth/session', cookie)).json())).not.toContain(user.username);
});

test('a password over 72 bytes never signs in, even when its first 72 bytes are right', async ({ page }) => {
  test.slow(); // a sign-up and three sign-ins, each a bcrypt hash or compare
  const user = { ...newUser('long'), password: 'p'.repeat(72) };
  await register(page, user);
  for (const password of [`${user.password}X`, `${user.password}${'q'.repeat(900)}`]) {
    // A fresh form each time: the message of the attempt before would pass this attempt's check at
    // once, and typing while that attempt is still answered loses the password to React's form reset.
    await page.goto('/login');
    await login(page, { ...user, password });
    await expect(page.getByText('Invalid username or password')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  }
  await page.goto('/login');
  await login(page, user);
  await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
});
