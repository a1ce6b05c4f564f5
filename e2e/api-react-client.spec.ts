import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { newUser, test, expect } from './fixtures';
import { CLIENT_ORIGIN } from './api-helpers';
import { waitForMessage } from './outbox';

// The React Mega-Tutorial client against Microblog: its source cannot be fetched here, so a page on a
// second origin (CLIENT_ORIGIN, listed in the e2e server's CORS_ORIGINS) runs its transport
// (e2e/react-client/client.js) and makes exactly the calls of the contract's "Calls made by the React
// client" table, checking what the client reads. Every call is a real cross-origin fetch in Chromium:
// a missing CORS header or cookie shows up as a failed call.

const CLIENT_JS = fs.readFileSync(path.resolve('e2e/react-client/client.js'), 'utf8');
const INDEX = '<!doctype html><html><head><title>React client</title><script src="/client.js"></script></head><body>client</body></html>';
let server: http.Server;

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    const js = req.url === '/client.js';
    res.writeHead(200, { 'Content-Type': js ? 'text/javascript' : 'text/html' });
    res.end(js ? CLIENT_JS : INDEX);
  });
  await new Promise<void>((resolve) => server.listen(Number(new URL(CLIENT_ORIGIN).port), '127.0.0.1', resolve));
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

type Call = { status: number; ok: boolean; body: Record<string, unknown> | null };

test('the React client: register, log in, feed, post, explore, profile, follow, edit, change password, reset, log out', async ({ page, baseURL }) => {
  test.slow();
  // Every API request the page sent, with the headers the browser really sent (cookies included).
  const sent: Promise<{ url: string; method: string; authorization?: string; credentialsCookie: boolean }>[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${baseURL}/api/`) && r.method() !== 'OPTIONS') {
      sent.push(r.allHeaders().then((h) => ({ url: r.url(), method: r.method(), authorization: h['authorization'], credentialsCookie: Boolean(h['cookie']) })));
    }
  });
  const requests = async () => Promise.all(sent);
  await page.goto(`${CLIENT_ORIGIN}/`);
  const me = newUser('r');
  const friend = newUser('f');
  // One client call in the page: `MicroblogApiClient.<method>(...args)`.
  const call = (method: string, ...args: unknown[]) =>
    page.evaluate(
      async ({ base, method, args }) => {
        const api = new (window as unknown as { MicroblogApiClient: new (b: string) => Record<string, (...a: unknown[]) => Promise<unknown>> }).MicroblogApiClient(base);
        return api[method](...args);
      },
      { base: baseURL!, method, args },
    ) as Promise<Call>;
  const token = () => page.evaluate(() => localStorage.getItem('accessToken'));

  // Register (signed out: "Bearer null"), including the errors the registration page reads.
  for (const user of [me, friend]) {
    expect((await call('post', '/users', { username: user.username, email: user.email, password: user.password })).status).toBe(201);
  }
  const duplicate = await call('post', '/users', { username: me.username, email: me.email, password: me.password });
  expect(duplicate.status).toBe(400);
  expect(duplicate.body).toMatchObject({ errors: { json: { username: [expect.any(String)], email: [expect.any(String)] } } });
  expect((await requests())[0].authorization).toBe('Bearer null');

  // Log in: a wrong password is "fail", the right one stores the token; then the app reads /me.
  expect(await call('login', me.username, 'wrong password')).toBe('fail');
  expect(await call('login', me.username, me.password)).toBe('ok');
  expect(await token()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const current = await call('get', '/me');
  expect(current.body).toMatchObject({ username: me.username, email: me.email, about_me: null, avatar_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/avatar\/\d+\?v=0$/) });

  // Feed and writing a post.
  const emptyFeed = await call('get', '/feed');
  expect(emptyFeed.body).toMatchObject({ data: [], pagination: { offset: 0, count: 0, total: 0 } });
  const written = await call('post', '/posts', { text: 'Hello from the React client' });
  expect(written.status).toBe(201);
  expect(written.body).toMatchObject({ id: expect.any(Number), text: 'Hello from the React client', author: { username: me.username } });
  expect(Date.parse(written.body!.timestamp as string)).toBeGreaterThan(Date.now() - 60_000);
  const invalid = await call('post', '/posts', { text: '' });
  expect(invalid.body).toMatchObject({ errors: { json: { text: [expect.any(String)] } } });

  // Explore and "More" (after the last post shown).
  const explore = await call('get', '/posts');
  const explored = explore.body as { data: { timestamp: string }[]; pagination: { offset: number; count: number; total: number } };
  expect(explored.data.length).toBeGreaterThan(0);
  const more = await call('get', '/posts', { after: explored.data.at(-1)!.timestamp });
  expect((more.body as { pagination: { offset: number } }).pagination.offset).toBe(explored.pagination.count);

  // A profile: by username, the follow state, its posts; follow and unfollow.
  const profile = (await call('get', `/users/${friend.username}`)).body as { id: number };
  expect(profile).toMatchObject({ username: friend.username, about_me: null, first_seen: expect.any(String), last_seen: expect.any(String) });
  expect((await call('get', `/me/following/${profile.id}`)).status).toBe(404);
  expect((await call('post', `/me/following/${profile.id}`)).status).toBe(204);
  expect((await call('get', `/me/following/${profile.id}`)).status).toBe(204);
  expect((await call('post', `/me/following/${profile.id}`)).status).toBe(409);
  expect((await call('get', `/users/${profile.id}/posts`)).body).toMatchObject({ data: [], pagination: { total: 0 } });
  expect((await call('delete', `/me/following/${profile.id}`)).status).toBe(204);

  // Edit profile (prefilled username and e-mail), then change the password.
  const edited = await call('put', '/me', { username: me.username, email: me.email, about_me: 'I use the React client' });
  expect(edited.body).toMatchObject({ username: me.username, about_me: 'I use the React client' });
  const wrongOld = await call('put', '/me', { old_password: 'not my password', password: 'a brand new one' });
  expect(wrongOld.body).toMatchObject({ errors: { json: { old_password: [expect.any(String)] } } });
  expect((await call('put', '/me', { old_password: me.password, password: 'a brand new one' })).status).toBe(200);
  expect((await call('get', '/me')).status).toBe(200);

  // An access token the server no longer knows: the client refreshes once with the cookie and retries.
  expect((await call('put', '/tokens', { access_token: await token() })).status).toBe(200);
  const refreshCall = (await requests()).filter((r) => r.method === 'PUT' && r.url.endsWith('/api/tokens')).at(-1)!;
  expect(refreshCall.credentialsCookie).toBe(true);

  // Log out: the pair is revoked; a stale token's 401 triggers one refresh, which fails too.
  const stale = await token();
  await call('logout');
  expect(await token()).toBeNull();
  await page.evaluate((t) => localStorage.setItem('accessToken', t!), stale);
  expect((await call('get', '/me')).status).toBe(401);
  await page.evaluate(() => localStorage.removeItem('accessToken'));

  // Reset: the link goes to the client's /reset page; the new password works.
  expect((await call('post', '/tokens/reset', { email: me.email })).status).toBe(204);
  const mail = (await waitForMessage(me.email)).replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
  const resetToken = new RegExp(`${CLIENT_ORIGIN.replace(/[.:/]/g, '\\$&')}/reset\\?token=([A-Za-z0-9_-]{43})`).exec(mail)?.[1];
  expect(resetToken).toBeTruthy();
  expect((await call('put', '/tokens/reset', { token: resetToken, new_password: 'reset password ok' })).status).toBe(204);
  expect(await call('login', me.email, 'reset password ok')).toBe('ok');

  // Credentials only ever went with /api/tokens.
  for (const r of await requests()) if (!new URL(r.url).pathname.startsWith('/api/tokens')) expect(r.credentialsCookie, r.url).toBe(false);
});
