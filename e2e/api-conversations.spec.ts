import { expect, login, test } from './fixtures';
import { apiUser, bearer, expectError } from './api-helpers';

// Conversations over the REST API, as a client does them with a token: replies (`in_reply_to`), likes,
// the added post fields, search, and the live notification count they raise on the web.

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?Z$/;
/** A word no other test writes: letters only, so the search tokenizer keeps it whole. */
const uniqueWord = () => `zq${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);

test('replies, likes and the post fields a client needs; only the author edits, even with an empty edit', async ({ request }) => {
  const ann = await apiUser(request, 'ann');
  const bob = await apiUser(request, 'bob');
  const created = await request.post('/api/posts', { headers: bearer(ann.token), data: { text: 'Who is coming to the #picnic?' } });
  expect(created.status()).toBe(201);
  const post = await created.json();
  expect(post).toMatchObject({ text: 'Who is coming to the #picnic?', in_reply_to: null, edited_at: null, like_count: 0, reply_count: 0, liked_by_viewer: false });
  expect(post.author).toMatchObject({ id: ann.id, username: ann.username });

  const replied = await request.post('/api/posts', { headers: bearer(bob.token), data: { text: `@${ann.username} me!`, in_reply_to: post.id } });
  expect(replied.status()).toBe(201);
  const reply = await replied.json();
  expect(reply).toMatchObject({ in_reply_to: post.id, reply_count: 0 });
  // The web reply's rule: a positive id of a post that exists; anything else names the field.
  await expectError(await request.post('/api/posts', { headers: bearer(bob.token), data: { text: 'hi', in_reply_to: 'first' } }), 400, { json: { in_reply_to: [expect.any(String)] } });
  await expectError(await request.post('/api/posts', { headers: bearer(bob.token), data: { text: 'hi', in_reply_to: 999999999 } }), 400, {
    json: { in_reply_to: ['The post you are replying to has been deleted.'] },
  });
  expect((await request.post('/api/posts', { headers: bearer(bob.token), data: { text: 'not a reply', in_reply_to: null } })).status()).toBe(201);

  // Likes: idempotent both ways, with the new state in the answer.
  const likes = `/api/posts/${post.id}/likes`;
  for (let i = 0; i < 2; i++) {
    const liked = await request.post(likes, { headers: bearer(bob.token) });
    expect(liked.status()).toBe(200);
    expect(await liked.json()).toEqual({ liked: true, like_count: 1 });
  }
  expect(await (await request.get(`/api/posts/${post.id}`, { headers: bearer(bob.token) })).json()).toMatchObject({ like_count: 1, reply_count: 1, liked_by_viewer: true });
  expect(await (await request.get(`/api/posts/${post.id}`, { headers: bearer(ann.token) })).json()).toMatchObject({ like_count: 1, liked_by_viewer: false });
  const feed = await (await request.get(`/api/users/${ann.id}/posts`, { headers: bearer(bob.token) })).json();
  expect(feed.data[0]).toMatchObject({ id: post.id, like_count: 1, reply_count: 1, liked_by_viewer: true });
  for (let i = 0; i < 2; i++) expect(await (await request.delete(likes, { headers: bearer(bob.token) })).json()).toEqual({ liked: false, like_count: 0 });
  await expectError(await request.post('/api/posts/999999999/likes', { headers: bearer(bob.token) }), 404);
  await expectError(await request.delete('/api/posts/999999999/likes', { headers: bearer(bob.token) }), 404);
  await expectError(await request.post(likes), 401);
  await expectError(await request.get(likes, { headers: bearer(bob.token) }), 405);

  // Editing: the author's new text shows `edited_at`; anyone else is refused, also without a text.
  const edited = await request.put(`/api/posts/${post.id}`, { headers: bearer(ann.token), data: { text: 'Who is coming to the #picnic tomorrow?' } });
  expect(await edited.json()).toMatchObject({ edited_at: expect.stringMatching(TIMESTAMP), timestamp: post.timestamp });
  await expectError(await request.put(`/api/posts/${post.id}`, { headers: bearer(bob.token), data: {} }), 403);
  await expectError(await request.put(`/api/posts/${post.id}`, { headers: bearer(bob.token), data: { text: 'mine now' } }), 403);
  expect((await request.put(`/api/posts/${post.id}`, { headers: bearer(ann.token), data: {} })).status()).toBe(200);

  // A reply outlives its parent: it still names the deleted post's id.
  expect((await request.delete(`/api/posts/${post.id}`, { headers: bearer(ann.token) })).status()).toBe(204);
  expect(await (await request.get(`/api/posts/${reply.id}`, { headers: bearer(bob.token) })).json()).toMatchObject({ in_reply_to: post.id });
});

test('search: posts by stemmed words, prefixes and phrases, users by prefix, clear 400s, hostile input as words', async ({ request }) => {
  const ann = await apiUser(request, 'ann');
  const word = uniqueWord();
  const text = `Walking near the ${word} market with friends`;
  const post = await (await request.post('/api/posts', { headers: bearer(ann.token), data: { text } })).json();
  const search = (query: Record<string, string>) => request.get(`/api/search?${new URLSearchParams(query)}`, { headers: bearer(ann.token) });

  for (const q of [word, `${word} walked`, `"the ${word} market"`, word.slice(0, -2), `${word.toUpperCase()} NEAR(`, `-${word} "near`, `${word}*:^`]) {
    const found = await search({ q });
    expect(found.status(), q).toBe(200);
    const page = await found.json();
    expect(page.pagination, q).toEqual({ offset: 0, limit: 25, count: 1, total: 1 });
    expect(page.data[0], q).toMatchObject({ id: post.id, text, author: { username: ann.username }, like_count: 0 });
  }
  expect((await (await search({ q: `${word} bicycle` })).json()).pagination).toMatchObject({ count: 0, total: 0 });
  // FTS5 syntax is never read as syntax: plain words (maybe no hits), never a 500.
  for (const q of ['NEAR(', 'AND OR NOT', 'body:walking', '^walk*', '"walking', 'a - b']) expect((await search({ q })).status(), q).toBe(200);

  // The web's messages, on the query parameter.
  await expectError(await search({ q: '' }), 400, { query: { q: ['Please enter something to search for.'] } });
  await expectError(await search({ q: '"-*' }), 400, { query: { q: ['Please search for words or names, not only punctuation.'] } });
  await expectError(await search({ q: 'x'.repeat(201) }), 400, { query: { q: [expect.stringContaining('too long')] } });
  await expectError(await request.get('/api/search', { headers: bearer(ann.token) }), 400, { query: { q: [expect.any(String)] } });
  await expectError(await search({ q: word, type: 'places' }), 400, { query: { type: [expect.any(String)] } });
  await expectError(await search({ q: word, offset: '5' }), 400);
  await expectError(await search({ q: word, after: 'x' }), 400);
  await expectError(await request.get(`/api/search?q=${word}`), 401);

  const people = await (await search({ q: `@${ann.username.slice(0, -1).toUpperCase()}`, type: 'users' })).json();
  expect(people.pagination).toMatchObject({ offset: 0, total: 1, count: 1 });
  expect(people.data[0]).toMatchObject({ id: ann.id, username: ann.username, url: `/api/users/${ann.id}` });
  expect((await (await search({ q: 'a%_', type: 'users' })).json()).pagination.total).toBe(0);
});

test('API writes reach the web\'s live notification count', async ({ request, page }) => {
  const ann = await apiUser(request, 'ann');
  const bob = await apiUser(request, 'bob');
  await login(page, bob);
  const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Notifications/ });
  await expect(nav).toHaveAccessibleName('Notifications');
  const post = await (await request.post('/api/posts', { headers: bearer(bob.token), data: { text: 'Posted from my phone app' } })).json();

  expect((await request.post(`/api/posts/${post.id}/likes`, { headers: bearer(ann.token) })).status()).toBe(200);
  await expect(nav).toHaveAccessibleName('Notifications, 1 unread', { timeout: 5000 });
  expect((await request.post('/api/posts', { headers: bearer(ann.token), data: { text: `@${bob.username} nice one`, in_reply_to: post.id } })).status()).toBe(201);
  await expect(nav).toHaveAccessibleName('Notifications, 2 unread', { timeout: 5000 });
  await nav.click();
  await expect(page.getByText(`${ann.username} liked your post`)).toBeVisible();
  await expect(page.getByText(`${ann.username} replied to your post`)).toBeVisible();
});

test('the OpenAPI document and the docs page list likes and search', async ({ request, page }) => {
  const doc = await (await request.get('/api/openapi.json')).json();
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/posts/{id}/likes', '/api/search']));
  expect(Object.keys(doc.paths['/api/posts/{id}/likes'])).toEqual(['post', 'delete']);
  expect(doc.components.schemas.NewPost.properties).toHaveProperty('in_reply_to');
  expect(doc.components.schemas.Post.properties).toHaveProperty('like_count');
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { name: 'GET /api/search' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'POST /api/posts/{id}/likes' })).toBeVisible();
  await expect(page.locator('#schema-Post')).toContainText('in_reply_to');
});
