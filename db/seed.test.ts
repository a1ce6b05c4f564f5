import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from './client';
import { parseHashtags, parseMentions } from './post-entities';
import { listActivity } from './queries/activity';
import { searchPosts } from './queries/search';
import { registerUser } from './queries/users';
import { activities, followers, postLikes, postMentions, postTags, posts, users } from './schema';
import { seed } from './seed';
import { createTestUser, tempDatabaseForThisFile } from './testing';

tempDatabaseForThisFile();

const totals = async () => {
  const db = getDb();
  const [[u], [p], [f]] = await Promise.all([db.select({ n: count() }).from(users), db.select({ n: count() }).from(posts), db.select({ n: count() }).from(followers)]);
  return { users: u.n, posts: p.n, follows: f.n };
};

describe('db:seed', () => {
  it('seeds, then on a second run skips the demo users that exist and adds nothing', async () => {
    const options = { users: 4, posts: 30, follows: 2, password: 'password123' };
    const first = await seed(options);
    expect(first).toMatchObject({ existing: 0, users: 4, posts: 30, follows: 8, emailTaken: [] });
    expect(await totals()).toEqual({ users: 4, posts: 30, follows: 8 });

    const again = await seed(options);
    expect(again).toMatchObject({ existing: 4, existingNames: ['john', 'susan', 'mary', 'david'], users: 0, posts: 0, follows: 0 });
    expect(await totals()).toEqual({ users: 4, posts: 30, follows: 8 });
  });

  it('with more users adds only the new ones and their rows, and skips a name whose e-mail is taken', async () => {
    // Someone registered with the address the demo's user6 would get.
    await registerUser({ username: 'someone', email: 'user6@example.com', password: 'password123' });
    const before = await totals();
    const more = await seed({ users: 7, posts: 70, follows: 2, password: 'password123' });
    expect(more).toMatchObject({ existing: 4, users: 2, emailTaken: ['user6'] });
    expect(more.posts).toBeGreaterThan(0);
    const after = await totals();
    expect(after.users - before.users).toBe(2);
    expect(after.posts - before.posts).toBe(more.posts);
    expect(after.follows - before.follows).toBe(more.follows);
    const names = (await getDb().select({ username: users.username }).from(users)).map((r) => r.username);
    expect(names).toEqual(expect.arrayContaining(['user5', 'user7']));
    expect(names).not.toContain('user6');
  });
});

describe('db:seed content', () => {
  it('writes English sentences with replies, mentions, hashtags and likes consistent with the app\'s parser', async () => {
    const result = await seed({ users: 12, posts: 400, follows: 2, password: 'password123' });
    expect(result.replies).toBeGreaterThan(10);
    expect(result.tags).toBeGreaterThan(10);
    expect(result.mentions).toBeGreaterThan(10);
    expect(result.likes).toBeGreaterThan(10);
    const db = getDb();
    const all = await db.select({ id: posts.id, body: posts.body, userId: posts.userId, timestamp: posts.timestamp, inReplyToId: posts.inReplyToId }).from(posts);
    const byId = new Map(all.map((p) => [p.id, p]));
    for (const post of all) {
      expect([...post.body].length).toBeLessThanOrEqual(280);
      expect(post.body).toMatch(/^(@\w+ )?[A-Z].*[.!?]( #\w+)?$/);
      if (post.inReplyToId !== null) {
        const parent = byId.get(post.inReplyToId)!;
        expect(parent.timestamp.getTime()).toBeLessThanOrEqual(post.timestamp.getTime());
        const [parentAuthor] = await db.select({ username: users.username }).from(users).where(eq(users.id, parent.userId));
        expect(post.body.startsWith(`@${parentAuthor.username} `)).toBe(true);
      }
    }
    const tags = await db.select({ postId: postTags.postId, tag: postTags.tag }).from(postTags);
    const expectedTags = all.flatMap((p) => parseHashtags(p.body).map((tag) => `${p.id}:${tag}`));
    expect(tags.map((t) => `${t.postId}:${t.tag}`).sort()).toEqual(expectedTags.sort());
    const names = new Map((await db.select({ id: users.id, username: users.username }).from(users)).map((u) => [u.username.toLowerCase(), u.id]));
    const mentions = await db.select({ postId: postMentions.postId, userId: postMentions.userId }).from(postMentions);
    const expectedMentions = all.flatMap((p) => parseMentions(p.body).flatMap((n) => (names.has(n) && names.get(n) !== p.userId ? [`${p.id}:${names.get(n)}`] : [])));
    expect(mentions.map((m) => `${m.postId}:${m.userId}`).sort()).toEqual(expectedMentions.sort());
    const likes = await db.select({ postId: postLikes.postId, userId: postLikes.userId }).from(postLikes);
    for (const like of likes) expect(byId.get(like.postId)!.userId).not.toBe(like.userId);

    // Notifications as the app writes them: a reply notifies its parent's author (once, even when
    // it mentions them), a mention the mentioned, a like the author, a follow the followed.
    const follows = await db.select({ followerId: followers.followerId, followedId: followers.followedId }).from(followers);
    const parentAuthor = (postId: number) => {
      const parent = byId.get(postId)!.inReplyToId;
      return parent === null ? null : byId.get(parent)!.userId;
    };
    const expected = [
      ...all.flatMap((p) => (p.inReplyToId !== null && parentAuthor(p.id) !== p.userId ? [`${parentAuthor(p.id)} reply ${p.userId} ${p.id}`] : [])),
      ...mentions.flatMap((m) => (m.userId === parentAuthor(m.postId) ? [] : [`${m.userId} mention ${byId.get(m.postId)!.userId} ${m.postId}`])),
      ...likes.map((l) => `${byId.get(l.postId)!.userId} like ${l.userId} ${l.postId}`),
      ...follows.map((f) => `${f.followedId} follow ${f.followerId} null`),
    ];
    const notifications = await db.select({ userId: activities.userId, kind: activities.kind, actorId: activities.actorId, postId: activities.postId }).from(activities);
    expect(notifications.map((n) => `${n.userId} ${n.kind} ${n.actorId} ${n.postId}`).sort()).toEqual(expected.sort());
    // (The earlier tests' seeds share this database: the rows above are theirs and this run's.)
    expect(result.notifications).toBeGreaterThanOrEqual(result.likes + result.replies);
    // john's notifications page lists them, unread.
    const [john] = await db.select({ id: users.id, username: users.username }).from(users).where(eq(users.username, 'john'));
    const page = await listActivity(john);
    expect(page.groups.length).toBeGreaterThan(0);

    // Stemmed search has real hits: "walk" finds "walked" and "walking"; a nonsense word finds nothing.
    const viewer = await createTestUser();
    const hits = await searchPosts(viewer, { q: 'walk' });
    expect(hits.hits.length).toBeGreaterThan(0);
    expect(hits.hits.some((h) => /\bwalk(ed|ing|s)\b/i.test(h.post.body))).toBe(true);
    expect((await searchPosts(viewer, { q: 'zyzzyva' })).hits).toEqual([]);

    // Run again: nothing new, none of the extra rows repeated.
    const again = await seed({ users: 12, posts: 400, follows: 2, password: 'password123' });
    expect(again).toMatchObject({ users: 0, posts: 0, replies: 0, tags: 0, mentions: 0, likes: 0, notifications: 0 });
    expect((await db.select({ n: count() }).from(postTags))[0].n).toBe(tags.length);
  });
});
