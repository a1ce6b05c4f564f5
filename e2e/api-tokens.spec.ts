import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { newUser, test, expect } from './fixtures';
import { apiUser, basic, bearer, expectError, refreshCookieOf, signIn } from './api-helpers';
import { OUTBOX_DIR, waitForMessage } from './outbox';

// Tokens (design/api-contract.md section 6 and the tests of test_auth.py): sign-in, refresh with
// reuse detection, revocation, revocation with the user's sessions, password reset, expiry.

const refreshWith = (request: APIRequestContext, access: string, refresh?: string) =>
  request.put('/api/tokens', { data: refresh === undefined ? { access_token: access } : { access_token: access, refresh_token: refresh } });

test('sign in with the username or the e-mail; the refresh token is an HttpOnly cookie on /api/tokens (test_get_token)', async ({ request }) => {
  const me = await apiUser(request);
  const response = await request.post('/api/tokens', { headers: { Authorization: basic(me.email.toUpperCase(), me.password), 'Content-Type': 'application/json' } });
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toEqual({ access_token: expect.any(String), refresh_token: null });
  const cookie = response.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie')!.value;
  expect(cookie).toMatch(/^refresh_token=[A-Za-z0-9_-]{43}; Path=\/api\/tokens; HttpOnly; SameSite=Lax$/);
  const users = await request.get('/api/users', { headers: bearer(body.access_token) });
  expect(users.status()).toBe(200);
  await expectError(await request.get('/api/users', { headers: bearer(body.access_token + 'x') }), 401);
  await expectError(await request.get('/api/users', { headers: bearer(refreshCookieOf(response)) }), 401);
});

test('sign-in failures are 401 with WWW-Authenticate: Form (test_no_login, test_bad_login)', async ({ request }) => {
  const me = await apiUser(request);
  for (const headers of [{} as Record<string, string>, { Authorization: basic(me.username, 'wrong password') }, { Authorization: basic('nobody-at-all', 'whatever pw') }, { Authorization: 'Basic !!!' }]) {
    const response = await request.post('/api/tokens', { headers });
    await expectError(response, 401);
    expect(response.headers()['www-authenticate']).toBe('Form');
  }
});

test('refresh: a new pair from the body or the cookie; the old access token dies (test_refresh_token, test_refresh_token_failure)', async ({ request }) => {
  const me = await apiUser(request);
  // The request context keeps the cookie from apiUser's sign-in: PUT without refresh_token uses it.
  const refreshed = await refreshWith(request, me.token);
  expect(refreshed.status()).toBe(200);
  const pair = await refreshed.json();
  expect(pair.access_token).not.toBe(me.token);
  expect(refreshCookieOf(refreshed)).not.toBe(me.refresh);
  expect((await request.get('/api/me', { headers: bearer(pair.access_token) })).status()).toBe(200);

  await expectError(await request.put('/api/tokens', { data: {} }), 400, { json: { access_token: [expect.any(String)] } });
  await expectError(await request.put('/api/tokens', { data: { access_token: null } }), 400, { json: { access_token: ['Field may not be null.'] } });
  const other = await apiUser(request);
  await expectError(await refreshWith(request, pair.access_token, other.refresh), 401);
  await expectError(await refreshWith(request, pair.access_token + 'x', refreshCookieOf(refreshed)), 401);
  await expectError(await refreshWith(request, 'foo', refreshCookieOf(refreshed)), 401);
  // The failed attempts revoked nothing.
  expect((await request.get('/api/me', { headers: bearer(pair.access_token) })).status()).toBe(200);

  const cookieless = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  await expectError(await refreshWith(cookieless, pair.access_token), 401);
  await cookieless.dispose();
});

test('concurrent refreshes with one pair all succeed (5 s grace); reusing it later revokes every token of the user (test_refresh_revoke_all)', async ({ request }) => {
  test.slow();
  const me = await apiUser(request);
  const first = me;
  const second = await signIn(request, me.username, me.password);
  const concurrent = await Promise.all([1, 2, 3].map(() => refreshWith(request, second.token, second.refresh)));
  for (const response of concurrent) expect(response.status()).toBe(200);
  const third = await concurrent[0].json();
  // Still within the grace: the old access token works.
  expect((await request.get('/api/me', { headers: bearer(second.token) })).status()).toBe(200);
  // Past the grace, the old pair is a reuse.
  await expect.poll(async () => (await refreshWith(request, second.token, second.refresh)).status(), { timeout: 10_000, intervals: [1000] }).toBe(401);
  for (const token of [first.token, second.token, third.access_token]) await expectError(await request.get('/api/me', { headers: bearer(token) }), 401);
  await expectError(await refreshWith(request, first.token, first.refresh), 401);
  await expectError(await refreshWith(request, third.access_token, refreshCookieOf(concurrent[0])), 401);
});

test('DELETE /api/tokens revokes the pair (test_revoke); signing out everywhere on the web revokes API tokens too', async ({ request, page }) => {
  test.slow(); // a web sign-in and two pages besides the API calls
  const me = await apiUser(request);
  expect((await request.delete('/api/tokens', { headers: { ...bearer(me.token), 'Content-Type': 'application/json' } })).status()).toBe(204);
  await expectError(await request.get('/api/me', { headers: bearer(me.token) }), 401);
  await expectError(await request.delete('/api/tokens', { headers: bearer(me.token) }), 401);
  await expectError(await refreshWith(request, me.token, me.refresh), 401);

  const { token, refresh } = await signIn(request, me.username, me.password);
  await page.goto('/login');
  await page.getByLabel('Username').fill(me.username);
  await page.getByLabel('Password').fill(me.password);
  await page.getByRole('button', { name: 'Sign In' }).click();
  await expect(page.getByRole('heading', { name: `Hi, ${me.username}!` })).toBeVisible();
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Sign Out Everywhere' }).click();
  await expect(page.getByText('You have been signed out everywhere.')).toBeVisible();
  await expectError(await request.get('/api/me', { headers: bearer(token) }), 401);
  await expectError(await refreshWith(request, token, refresh), 401);
});

test('password reset over the API: 204 for any address, a single-use link to PASSWORD_RESET_URL (test_reset_password)', async ({ request }) => {
  const me = await apiUser(request);
  const nobody = newUser('n');
  expect((await request.post('/api/tokens/reset', { headers: { Authorization: 'Bearer null' }, data: { email: nobody.email } })).status()).toBe(204);
  await expectError(await request.post('/api/tokens/reset', { data: { email: 'not an email' } }), 400, { json: { email: [expect.any(String)] } });
  expect((await request.post('/api/tokens/reset', { data: { email: me.email } })).status()).toBe(204);
  const mail = (await waitForMessage(me.email)).replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
  expect(mail).toContain('Reset Your Password');
  const link = /(https?:\/\/[^\s"<>]+\/reset\?token=)([A-Za-z0-9_-]{43})/.exec(mail);
  expect(link?.[1]).toBe(`${process.env.E2E_CLIENT_ORIGIN}/reset?token=`);
  expect(fs.readdirSync(OUTBOX_DIR).some((f) => f.endsWith(`-${nobody.email}.eml`))).toBe(false);
  const token = link![2];

  await expectError(await request.put('/api/tokens/reset', { data: { token: token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), new_password: 'brand new pass' } }), 400, {
    json: { token: [expect.any(String)] },
  });
  await expectError(await request.put('/api/tokens/reset', { data: { token, new_password: 'bar' } }), 400, { json: { new_password: [expect.any(String)] } });
  expect((await request.put('/api/tokens/reset', { data: { token, new_password: 'brand new pass' } })).status()).toBe(204);
  await expectError(await request.put('/api/tokens/reset', { data: { token, new_password: 'another new pass' } }), 400);
  await expectError(await request.post('/api/tokens', { headers: { Authorization: basic(me.username, me.password) } }), 401);
  expect((await request.post('/api/tokens', { headers: { Authorization: basic(me.username, 'brand new pass') } })).status()).toBe(200);
  // The reset ended the user's sessions, API tokens included.
  await expectError(await request.get('/api/me', { headers: bearer(me.token) }), 401);
});

test.describe('with a 2-second access token (a second server: API_ACCESS_TOKEN_TTL_S=2)', () => {
  const port = Number(process.env.E2E_PORT || 3210) + 2;
  const baseURL = `http://127.0.0.1:${port}`;
  let server: ChildProcess;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const dataDir = path.resolve(`data/e2e-${port}`);
    server = spawn('node', ['scripts/e2e-server.mjs'], {
      env: { ...process.env, E2E_PORT: String(port), E2E_DATA_DIR: dataDir, MAIL_OUTBOX_DIR: path.join(dataDir, 'outbox'), API_ACCESS_TOKEN_TTL_S: '2' },
      stdio: 'ignore',
      detached: true,
    });
    await expect.poll(async () => fetch(`${baseURL}/api/openapi.json`).then((r) => r.status, () => 0), { timeout: 100_000, intervals: [500] }).toBe(200);
  });

  test.afterAll(() => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  });

  test('an expired access token is 401; refreshing it (expired) gives a working one (test_token_expired)', async () => {
    const request = await playwrightRequest.newContext({ baseURL });
    const me = await apiUser(request);
    expect((await request.get('/api/me', { headers: bearer(me.token) })).status()).toBe(200);
    await expect.poll(async () => (await request.get('/api/me', { headers: bearer(me.token) })).status(), { timeout: 10_000, intervals: [500] }).toBe(401);
    const refreshed = await refreshWith(request, me.token);
    expect(refreshed.status()).toBe(200);
    expect((await request.get('/api/me', { headers: bearer((await refreshed.json()).access_token) })).status()).toBe(200);
    await request.dispose();
  });
});
