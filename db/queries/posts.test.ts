import { describe, expect, it } from 'vitest';
import { getDb } from '../client';
import { UnauthenticatedError } from '../errors';
import { posts } from '../schema';
import { createTestUser, tempDatabaseForThisFile } from '../testing';
import { createPost, listPosts, PAGE_SIZE } from './posts';

tempDatabaseForThisFile();

describe('posts', () => {
  it('shows the home timeline newest first, own posts only before following exists', async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const base = Date.now();
    await getDb()
      .insert(posts)
      .values([
        { body: 'alice old', userId: alice.id, timestamp: new Date(base - 3000) },
        { body: 'bob', userId: bob.id, timestamp: new Date(base - 2000) },
        { body: 'alice new', userId: alice.id, timestamp: new Date(base - 1000) },
      ]);
    const home = await listPosts(alice, { scope: { kind: 'home' } });
    expect(home.posts.map((p) => p.body)).toEqual(['alice new', 'alice old']);
    expect(home.posts[0].author.username).toBe(alice.username);
    const explore = await listPosts(alice, { scope: { kind: 'explore' } });
    expect(explore.posts.slice(0, 3).map((p) => p.body)).toEqual(['alice new', 'bob', 'alice old']);
  });

  it('pages with keyset cursors both ways, with no gaps or repeats', async () => {
    const carol = await createTestUser();
    const same = new Date(Date.now() + 10_000); // identical timestamps: the id breaks the tie
    await getDb()
      .insert(posts)
      .values(Array.from({ length: 60 }, (_, i) => ({ body: `p${i}`, userId: carol.id, timestamp: i < 10 ? same : new Date(same.getTime() - i * 1000) })));
    const scope = { kind: 'user', userId: carol.id } as const;
    const seen: string[] = [];
    let page = await listPosts(carol, { scope });
    expect(page.newerCursor).toBeNull();
    const pages = [page];
    while (page.olderCursor) {
      page = await listPosts(carol, { scope, before: page.olderCursor });
      pages.push(page);
    }
    for (const p of pages) seen.push(...p.posts.map((x) => x.body));
    expect(pages.map((p) => p.posts.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 10]);
    expect(new Set(seen).size).toBe(60);
    // Going back from the last page returns exactly the middle page, then the first.
    const back = await listPosts(carol, { scope, after: pages[2].newerCursor });
    expect(back.posts.map((p) => p.id)).toEqual(pages[1].posts.map((p) => p.id));
    const first = await listPosts(carol, { scope, after: back.newerCursor });
    expect(first.posts.map((p) => p.id)).toEqual(pages[0].posts.map((p) => p.id));
    expect(first.newerCursor).toBeNull();
  });

  it('treats a malformed cursor as the first page', async () => {
    const dave = await createTestUser();
    await createPost(dave, { body: 'hello' });
    for (const before of ['garbage', '%%%', 'MTIz', '']) {
      const page = await listPosts(dave, { scope: { kind: 'home' }, before });
      expect(page.posts.map((p) => p.body)).toEqual(['hello']);
    }
  });

  it('stores bodies exactly, HTML and unicode included', async () => {
    const erin = await createTestUser();
    const body = '<script>alert(1)</script>\nline two 🎉 ünïcödé';
    await createPost(erin, { body });
    const page = await listPosts(erin, { scope: { kind: 'home' } });
    expect(page.posts[0].body).toBe(body);
  });

  it('refuses anonymous callers', async () => {
    await expect(listPosts(null, { scope: { kind: 'explore' } })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(createPost(null, { body: 'x' })).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('enforces foreign keys: a post needs a real author', async () => {
    await expect(
      getDb().insert(posts).values({ body: 'orphan', userId: 424242, timestamp: new Date() }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/FOREIGN KEY constraint failed/) } });
  });
});

describe('the home timeline across its one-day first look', () => {
  it('pages the same whether a page comes from the last day or from further back', async () => {
    const reader = await createTestUser();
    const now = Date.now();
    const hour = 3600_000;
    // 30 posts in the last day, then 30 spread over the previous weeks.
    await getDb()
      .insert(posts)
      .values(Array.from({ length: 60 }, (_, i) => ({ body: `h${i}`, userId: reader.id, timestamp: new Date(now - (i < 30 ? i * 0.5 * hour : 30 * hour + i * 24 * hour)) })));
    const bodies: string[] = [];
    let page = await listPosts(reader, { scope: { kind: 'home' } });
    bodies.push(...page.posts.map((p) => p.body));
    while (page.olderCursor) {
      page = await listPosts(reader, { scope: { kind: 'home' }, before: page.olderCursor });
      bodies.push(...page.posts.map((p) => p.body));
    }
    expect(bodies).toEqual(Array.from({ length: 60 }, (_, i) => `h${i}`));
  });

  it('shows older posts when the last day has fewer than a page', async () => {
    const quiet = await createTestUser();
    await getDb().insert(posts).values([
      { body: 'last week', userId: quiet.id, timestamp: new Date(Date.now() - 7 * 86400_000) },
      { body: 'last month', userId: quiet.id, timestamp: new Date(Date.now() - 30 * 86400_000) },
    ]);
    const page = await listPosts(quiet, { scope: { kind: 'home' } });
    expect(page.posts.map((p) => p.body)).toEqual(['last week', 'last month']);
    expect(page.olderCursor).toBeNull();
  });
});
