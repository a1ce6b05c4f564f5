import { newUser, test, expect } from './fixtures';
import { apiUser, basic, bearer, CLIENT_ORIGIN, expectError, signIn } from './api-helpers';

// The REST API (design/api-contract.md): every endpoint's success and failure statuses and bodies,
// the contract's test list (section 9: users, posts, follows, pagination), errors, CORS.

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?Z$/;

test.describe('users', () => {
  test('register, read by id and by username, list; no password in any answer', async ({ request }) => {
    const me = await apiUser(request);
    const byId = await request.get(`/api/users/${me.id}`, { headers: bearer(me.token) });
    expect(byId.status()).toBe(200);
    const user = await byId.json();
    expect(user).toEqual({
      id: me.id,
      url: `/api/users/${me.id}`,
      username: me.username,
      email: me.email,
      has_password: true,
      // Absolute (the React client loads it from another origin), served by Microblog, with a query string.
      avatar_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/avatar\/\d+\?v=0$/),
      about_me: null,
      first_seen: expect.stringMatching(TIMESTAMP),
      last_seen: expect.stringMatching(TIMESTAMP),
      posts_url: `/api/users/${me.id}/posts`,
    });
    expect(await (await request.get(`/api/users/${me.username}`, { headers: bearer(me.token) })).json()).toEqual(user);
    expect(await (await request.get(`/api/users/${me.username.toUpperCase()}`, { headers: bearer(me.token) })).json()).toMatchObject({ id: me.id });
    expect(await (await request.get('/api/me', { headers: bearer(me.token) })).json()).toMatchObject({ id: me.id, username: me.username });

    const list = await (await request.get('/api/users?limit=100', { headers: bearer(me.token) })).json();
    expect(list.pagination).toMatchObject({ offset: 0, limit: 25, count: list.data.length });
    expect(list.data[0].id).toBeLessThanOrEqual(list.data.at(-1).id);
    for (const u of list.data) expect(u).not.toHaveProperty('password');

    await expectError(await request.get('/api/users/999999999', { headers: bearer(me.token) }), 404);
    await expectError(await request.get('/api/users/no-such-user-here', { headers: bearer(me.token) }), 404);
    await expectError(await request.get('/api/users?after=a', { headers: bearer(me.token) }), 400);
  });

  test('registration errors name the fields; unknown and read-only fields are refused', async ({ request }) => {
    const me = await apiUser(request);
    const taken = await request.post('/api/users', { data: { username: me.username.toUpperCase(), email: me.email, password: 'long enough' } });
    await expectError(taken, 400, { json: { username: [expect.any(String)], email: [expect.any(String)] } });
    const bad = await request.post('/api/users', { data: { username: '1abc', email: 'not-an-email', password: 'short' } });
    await expectError(bad, 400, { json: { username: [expect.any(String)], email: [expect.any(String)], password: [expect.any(String)] } });
    const empty = await request.post('/api/users', { data: { username: '', email: 'x@example.com', password: 'long enough' } });
    await expectError(empty, 400, { json: { username: [expect.any(String)] } });
    const missing = await request.post('/api/users', { headers: { 'Content-Type': 'application/json' }, data: Buffer.alloc(0) });
    await expectError(missing, 400, { json: { username: [expect.any(String)], email: [expect.any(String)], password: [expect.any(String)] } });
    const user = newUser('a');
    const extra = await request.post('/api/users', { data: { username: user.username, email: user.email, password: user.password, id: 1, admin: true } });
    await expectError(extra, 400, { json: { id: ['Unknown field.'], admin: ['Unknown field.'] } });
    const malformed = await request.post('/api/users', { headers: { 'Content-Type': 'application/json' }, data: Buffer.from('{"username": ') });
    const body = await expectError(malformed, 400);
    expect(body).not.toHaveProperty('errors');
    // A stray Authorization header is ignored where none is needed (the React client sends "Bearer null").
    const stray = await request.post('/api/users', { headers: { Authorization: 'Bearer null' }, data: { username: user.username, email: user.email, password: user.password } });
    expect(stray.status()).toBe(201);
  });

  test('PUT /me: profile, no-op, e-mail and password rules; a password change keeps this token and ends the others', async ({ request }) => {
    const me = await apiUser(request);
    const other = await signIn(request, me.username, me.password);
    const same = await request.put('/api/me', { headers: bearer(me.token), data: { username: me.username, email: me.email, about_me: null } });
    expect(same.status()).toBe(200);
    expect(await (await request.put('/api/me', { headers: bearer(me.token), data: {} })).json()).toMatchObject({ username: me.username });
    const about = await request.put('/api/me', { headers: bearer(me.token), data: { about_me: 'Hello there' } });
    expect(await about.json()).toMatchObject({ about_me: 'Hello there' });
    expect(await about.json()).not.toHaveProperty('password');
    await expectError(await request.put('/api/me', { headers: bearer(me.token), data: { about_me: 'x'.repeat(141) } }), 400, { json: { about_me: [expect.any(String)] } });

    const second = await apiUser(request);
    await expectError(await request.put('/api/me', { headers: bearer(me.token), data: { username: second.username } }), 400, { json: { username: [expect.any(String)] } });
    await expectError(await request.put('/api/me', { headers: bearer(me.token), data: { email: 'new-' + me.email } }), 400, { json: { old_password: [expect.any(String)] } });

    const noOld = await expectError(await request.put('/api/me', { headers: bearer(me.token), data: { password: 'a new password' } }), 400);
    expect(noOld).not.toHaveProperty('errors');
    await expectError(await request.put('/api/me', { headers: bearer(me.token), data: { password: 'a new password', old_password: 'wrong one' } }), 400, {
      json: { old_password: ['Password is incorrect'] },
    });
    expect((await request.put('/api/me', { headers: bearer(me.token), data: { old_password: me.password } })).status()).toBe(200);
    const changed = await request.put('/api/me', { headers: bearer(me.token), data: { password: 'a new password', old_password: me.password } });
    expect(changed.status()).toBe(200);
    expect(await changed.json()).not.toHaveProperty('password');
    expect((await request.get('/api/me', { headers: bearer(me.token) })).status()).toBe(200);
    await expectError(await request.get('/api/me', { headers: bearer(other.token) }), 401);
    await expectError(await request.post('/api/tokens', { headers: { Authorization: basic(me.email, me.password) } }), 401);
    expect((await request.post('/api/tokens', { headers: { Authorization: basic(me.email, 'a new password') } })).status()).toBe(200);
  });

  test('follow and unfollow (test_follow_unfollow), lists by username, and no self-follow', async ({ request }) => {
    const me = await apiUser(request);
    const susan = await apiUser(request, 's');
    const auth = { headers: bearer(me.token) };
    expect((await (await request.get('/api/me/following', auth)).json()).pagination.total).toBe(0);
    expect((await (await request.get('/api/me/followers', auth)).json()).pagination.total).toBe(0);
    await expectError(await request.get(`/api/me/following/${susan.id}`, auth), 404);
    expect((await request.post(`/api/me/following/${susan.id}`, { headers: { ...bearer(me.token), 'Content-Type': 'application/json' } })).status()).toBe(204);
    expect((await request.get(`/api/me/following/${susan.id}`, auth)).status()).toBe(204);
    await expectError(await request.post(`/api/me/following/${susan.id}`, auth), 409);
    const following = await (await request.get('/api/me/following', auth)).json();
    expect(following.pagination.total).toBe(1);
    expect(following.data[0]).toMatchObject({ id: susan.id, username: susan.username });
    expect((await (await request.get(`/api/users/${susan.id}/following`, auth)).json()).pagination.total).toBe(0);
    const susansFollowers = await (await request.get(`/api/users/${susan.id}/followers`, auth)).json();
    expect(susansFollowers.data.map((u: { username: string }) => u.username)).toEqual([me.username]);
    expect((await request.delete(`/api/me/following/${susan.id}`, auth)).status()).toBe(204);
    await expectError(await request.delete(`/api/me/following/${susan.id}`, auth), 409);
    expect((await (await request.get('/api/me/following', auth)).json()).pagination.total).toBe(0);

    await expectError(await request.post(`/api/me/following/${me.id}`, auth), 400);
    await expectError(await request.post('/api/me/following/999999999', auth), 404);
    await expectError(await request.delete('/api/me/following/999999999', auth), 404);
    await expectError(await request.get('/api/users/999999999/followers', auth), 404);
  });
});

test.describe('posts', () => {
  test('create, read, edit, delete; only the author may change a post (test_new_post, test_edit_post, test_permissions)', async ({ request }) => {
    const me = await apiUser(request);
    const other = await apiUser(request);
    const auth = { headers: bearer(me.token) };
    const created = await request.post('/api/posts', { ...auth, data: { text: '  Hello, API!  ' } });
    expect(created.status()).toBe(201);
    const post = await created.json();
    expect(post).toMatchObject({ url: `/api/posts/${post.id}`, text: 'Hello, API!', timestamp: expect.stringMatching(TIMESTAMP), author: { id: me.id, username: me.username } });
    expect(await (await request.get(`/api/posts/${post.id}`, auth)).json()).toEqual(post);
    const mine = await (await request.get(`/api/users/${me.id}/posts`, auth)).json();
    expect(mine.pagination.total).toBe(1);
    await expectError(await request.get('/api/users/999999999/posts', auth), 404);

    const edited = await request.put(`/api/posts/${post.id}`, { ...auth, data: { text: 'Edited' } });
    expect(await edited.json()).toMatchObject({ id: post.id, text: 'Edited', timestamp: post.timestamp });
    expect((await (await request.get(`/api/posts/${post.id}`, auth)).json()).text).toBe('Edited');

    await expectError(await request.put(`/api/posts/${post.id}`, { headers: bearer(other.token), data: { text: 'Mine now' } }), 403);
    await expectError(await request.delete(`/api/posts/${post.id}`, { headers: bearer(other.token) }), 403);
    expect((await (await request.get(`/api/posts/${post.id}`, auth)).json()).text).toBe('Edited');

    await expectError(await request.post('/api/posts', { ...auth, data: { text: '' } }), 400, { json: { text: [expect.any(String)] } });
    await expectError(await request.post('/api/posts', { ...auth, data: { text: 'x'.repeat(281) } }), 400, { json: { text: [expect.any(String)] } });
    await expectError(await request.post('/api/posts', { ...auth, data: { text: 'ok', timestamp: '2020-01-01T00:00:00Z' } }), 400, { json: { timestamp: ['Unknown field.'] } });
    expect((await request.post('/api/posts', { ...auth, data: { text: '😀'.repeat(280) } })).status()).toBe(201);

    expect((await request.delete(`/api/posts/${post.id}`, { headers: { ...bearer(me.token), 'Content-Type': 'application/json' } })).status()).toBe(204);
    await expectError(await request.get(`/api/posts/${post.id}`, auth), 404);
    await expectError(await request.delete(`/api/posts/${post.id}`, auth), 404);
    await expectError(await request.get('/api/posts/abc', auth), 404);
  });

  test('the feed is my posts and those I follow, newest first (test_post_feed), and /posts has everybody\'s', async ({ request }) => {
    const me = await apiUser(request);
    const susan = await apiUser(request, 's');
    const stranger = await apiUser(request);
    await request.post(`/api/me/following/${susan.id}`, { headers: bearer(me.token) });
    const write = async (token: string, text: string) => (await request.post('/api/posts', { headers: bearer(token), data: { text } })).json();
    await write(susan.token, 'Post 1');
    await write(me.token, 'Post 2');
    await write(stranger.token, 'Not in my feed');
    const newest = await write(susan.token, 'Post 3');
    const feed = await (await request.get('/api/feed', { headers: bearer(me.token) })).json();
    expect(feed.pagination).toEqual({ offset: 0, limit: 25, count: 3, total: 3 });
    expect(feed.data.map((p: { text: string }) => p.text)).toEqual(['Post 3', 'Post 2', 'Post 1']);
    const all = await (await request.get('/api/posts', { headers: bearer(me.token) })).json();
    expect(all.pagination.total).toBeGreaterThanOrEqual(4);
    expect(all.data.map((p: { id: number }) => p.id)).toContain(newest.id);
  });

  test('pagination (test_pagination_*): offset, limit, clamping, after, and the 400s', async ({ request }) => {
    test.slow();
    const owner = await apiUser(request, 'p');
    const auth = { headers: bearer(owner.token) };
    // 105 posts: "Post 105" is written first, so "Post 1" is the newest.
    for (let n = 105; n >= 1; n--) expect((await request.post('/api/posts', { ...auth, data: { text: `Post ${n}` } })).status()).toBe(201);
    const page = async (query: string) => (await request.get(`/api/users/${owner.id}/posts?${query}`, auth)).json();
    const texts = (body: { data: { text: string }[] }) => body.data.map((p) => p.text);
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `Post ${from + i}`);

    const first = await page('');
    expect(first.pagination).toEqual({ offset: 0, limit: 25, count: 25, total: 105 });
    expect(texts(first)).toEqual(range(1, 25));
    expect(await page('offset=30&limit=10')).toMatchObject({ pagination: { offset: 30, limit: 10, count: 10, total: 105 } });
    expect(texts(await page('offset=30&limit=10'))).toEqual(range(31, 40));
    const last = await page('offset=99');
    expect(last.pagination).toMatchObject({ count: 6, limit: 25 });
    expect(texts(last)).toEqual(range(100, 105));
    expect(texts(await page('offset=16&limit=5'))).toEqual(range(17, 21));
    const large = await page('offset=37&limit=50');
    expect(large.pagination).toMatchObject({ limit: 25, count: 25 });
    expect(texts(large)).toEqual(range(38, 62));
    const after = await page(`after=${encodeURIComponent(first.data[5].timestamp)}`);
    expect(after.pagination).toEqual({ offset: 6, limit: 25, count: 25, total: 105 });
    expect(texts(after)).toEqual(range(7, 31));

    for (const query of ['offset=-2', 'offset=110', 'limit=0', 'limit=-10', 'limit=abc', 'after=yesterday']) {
      await expectError(await request.get(`/api/users/${owner.id}/posts?${query}`, auth), 400);
    }
    await expectError(await request.get(`/api/users/${owner.id}/posts?limit=abc`, auth), 400, { query: { limit: ['Not a valid integer.'] } });
    await expectError(await request.get(`/api/users/${owner.id}/posts?after=yesterday`, auth), 400, { query: { after: ['Not a valid datetime.'] } });
    const both = `offset=1&after=${encodeURIComponent(first.data[0].timestamp)}`;
    await expectError(await request.get(`/api/users/${owner.id}/posts?${both}`, auth), 400, { query: { _schema: ['Cannot specify both offset and after'] } });
    await expectError(await request.get(`/api/users/${owner.id}/following?offset=1&after=a`, auth), 400);

    // 26 followers a..z of the owner: after "g" comes "h".
    // A prefix of their own: parallel tests' users must never share it (the list is read by name).
    const prefix = `f${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
      const created = await request.post('/api/users', { data: { username: `${prefix}${letter}`, email: `${prefix}${letter}@example.com`, password: 'follower password' } });
      expect(created.status(), await created.text()).toBe(201);
      const { token } = await signIn(request, `${prefix}${letter}`, 'follower password');
      expect((await request.post(`/api/me/following/${owner.id}`, { headers: bearer(token) })).status()).toBe(204);
    }
    const followers = await (await request.get(`/api/users/${owner.id}/followers?after=${prefix}g`, auth)).json();
    expect(followers.pagination).toEqual({ offset: 7, limit: 25, count: 19, total: 26 });
    expect(followers.data[0].username).toBe(`${prefix}h`);
    expect(followers.data.at(-1).username).toBe(`${prefix}z`);
    expect((await (await request.get('/api/me/followers?limit=5', auth)).json()).pagination).toEqual({ offset: 0, limit: 5, count: 5, total: 26 });
  });
});

test.describe('errors and CORS', () => {
  test('401, 404 and 405 have the contract body; /api/users/ is a 404, not a redirect', async ({ request }) => {
    const noAuth = await request.get('/api/users');
    await expectError(noAuth, 401);
    expect(noAuth.headers()['www-authenticate']).toBe('Bearer realm="Authentication Required"');
    await expectError(await request.get('/api/users', { headers: { Authorization: 'Bearer null' } }), 401);
    await expectError(await request.get('/api/no/such/thing'), 404);
    await expectError(await request.post('/api/nothing-here', { data: {} }), 404);
    const slash = await request.get('/api/users/', { maxRedirects: 0 });
    await expectError(slash, 404);
    const wrong = await request.patch('/api/feed');
    await expectError(wrong, 405);
    expect(wrong.headers()['allow']).toContain('GET');
    await expectError(await request.delete('/api/users'), 405);
  });

  test('CORS: allowed origins get their origin back on answers and errors, credentials only on /api/tokens; preflights need no auth', async ({ request }) => {
    const preflight = await request.fetch('/api/feed', {
      method: 'OPTIONS',
      headers: { Origin: CLIENT_ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'content-type,authorization' },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()).toMatchObject({
      'access-control-allow-origin': CLIENT_ORIGIN,
      'access-control-allow-methods': expect.stringContaining('PUT'),
      'access-control-allow-headers': 'authorization, content-type',
    });
    expect(preflight.headers()).not.toHaveProperty('access-control-allow-credentials');
    const tokensPreflight = await request.fetch('/api/tokens', { method: 'OPTIONS', headers: { Origin: CLIENT_ORIGIN, 'Access-Control-Request-Method': 'POST' } });
    expect(tokensPreflight.headers()['access-control-allow-credentials']).toBe('true');

    const unauthorized = await request.get('/api/me', { headers: { Origin: CLIENT_ORIGIN } });
    expect(unauthorized.status()).toBe(401);
    expect(unauthorized.headers()['access-control-allow-origin']).toBe(CLIENT_ORIGIN);
    expect(unauthorized.headers()['vary']).toContain('Origin');
    const notFound = await request.get('/api/nope/', { headers: { Origin: CLIENT_ORIGIN } });
    expect(notFound.headers()['access-control-allow-origin']).toBe(CLIENT_ORIGIN);

    const foreign = 'http://evil.example';
    const refused = await request.fetch('/api/feed', { method: 'OPTIONS', headers: { Origin: foreign, 'Access-Control-Request-Method': 'GET' } });
    expect(refused.headers()).not.toHaveProperty('access-control-allow-origin');
    expect((await request.get('/api/me', { headers: { Origin: foreign } })).headers()).not.toHaveProperty('access-control-allow-origin');
  });

  test('the OpenAPI document and the docs page', async ({ request, page }) => {
    const doc = await (await request.get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/tokens', '/api/users/{id}', '/api/feed', '/api/me/following/{id}']));
    expect(doc.components.schemas.NewUser.properties).toHaveProperty('username');
    expect(doc.components.schemas.NewUser.additionalProperties).toBe(false);
    await page.goto('/api/docs');
    await expect(page.getByRole('heading', { name: /Microblog API/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'GET /api/feed' })).toBeVisible();
    await expect(page.locator('#schema-User')).toContainText('avatar_url');
  });
});
