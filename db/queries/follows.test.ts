import { describe, expect, it } from 'vitest';
import { getDb } from '../client';
import { NotFoundError, UnauthenticatedError, ValidationError } from '../errors';
import { followers, posts } from '../schema';
import { createTestUser, tempDatabaseForThisFile } from '../testing';
import { followUser, listConnections, unfollowUser } from './follows';
import { listPosts } from './posts';
import { getProfile, updateProfile } from './profiles';
import { touchActivity } from './sessions';

tempDatabaseForThisFile();

describe('following (reference test_follow)', () => {
  it('follows and unfollows with counts and lists', async () => {
    const john = await createTestUser('john_f');
    const susan = await createTestUser('susan_f');
    expect(await listConnections(john, { username: john.username, direction: 'following' })).toMatchObject({ page: { users: [] } });
    expect((await listConnections(john, { username: susan.username, direction: 'followers' })).page.users).toEqual([]);

    await followUser(john, susan.username);
    await followUser(john, susan.username); // twice is harmless
    const seen = await getProfile(john, susan.username);
    expect(seen).toMatchObject({ isFollowing: true, followerCount: 1, followingCount: 0, isSelf: false });
    expect((await getProfile(john, john.username)).followingCount).toBe(1);
    expect((await listConnections(john, { username: john.username, direction: 'following' })).page.users[0].username).toBe(susan.username);
    expect((await listConnections(john, { username: susan.username, direction: 'followers' })).page.users[0].username).toBe(john.username);

    await unfollowUser(john, susan.username);
    await unfollowUser(john, susan.username); // not following: harmless
    expect(await getProfile(john, susan.username)).toMatchObject({ isFollowing: false, followerCount: 0 });
    expect((await getProfile(john, john.username)).followingCount).toBe(0);
  });

  it('refuses self-follows, unknown users and anonymous callers', async () => {
    const me = await createTestUser();
    await expect(followUser(me, me.username)).rejects.toEqual(new ValidationError('You cannot follow yourself!'));
    await expect(followUser(me, 'no-such-user')).rejects.toBeInstanceOf(NotFoundError);
    await expect(followUser(null, me.username)).rejects.toBeInstanceOf(UnauthenticatedError);
    // The database refuses a self-follow too, whoever writes it.
    await expect(getDb().insert(followers).values({ followerId: me.id, followedId: me.id })).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/CHECK constraint failed/) },
    });
  });
});

describe('the home timeline (reference test_follow_posts)', () => {
  it('shows own and followed posts, newest first, without duplicates', async () => {
    // One after the other: lists are ordered by user id, so john must get the smallest.
    const john = await createTestUser('john');
    const susan = await createTestUser('susan');
    const mary = await createTestUser('mary');
    const david = await createTestUser('david');
    const now = Date.now();
    const at = (s: number) => new Date(now + s * 1000);
    await getDb().insert(posts).values([
      { body: 'post from john', userId: john.id, timestamp: at(1) },
      { body: 'post from susan', userId: susan.id, timestamp: at(4) },
      { body: 'post from mary', userId: mary.id, timestamp: at(3) },
      { body: 'post from david', userId: david.id, timestamp: at(2) },
    ]);
    expect(await getProfile(john, 'susan')).toMatchObject({ postCount: 1, followerCount: 0 });
    await followUser(john, 'susan');
    await followUser(john, 'david');
    await followUser(susan, 'mary');
    await followUser(mary, 'david');
    const timeline = async (v: typeof john) => (await listPosts(v, { scope: { kind: 'home' } })).posts.map((p) => p.body);
    expect(await timeline(john)).toEqual(['post from susan', 'post from david', 'post from john']);
    expect(await timeline(susan)).toEqual(['post from susan', 'post from mary']);
    expect(await timeline(mary)).toEqual(['post from mary', 'post from david']);
    expect(await timeline(david)).toEqual(['post from david']);
    expect(await getProfile(susan, 'david')).toMatchObject({ followerCount: 2, followingCount: 0, postCount: 1, isFollowing: false });
    expect(await getProfile(mary, 'david')).toMatchObject({ isFollowing: true });
    const davidFollowers = await listConnections(mary, { username: 'david', direction: 'followers' });
    expect(davidFollowers.page.users.map((u) => [u.username, u.isFollowing, u.isSelf])).toEqual([
      ['john', false, false],
      ['mary', false, true],
    ]);
  });
});

describe('profiles', () => {
  it('edits the username and about me; a taken name is refused', async () => {
    const me = await createTestUser();
    const other = await createTestUser();
    await updateProfile(me, { username: `${me.username}_new`, aboutMe: 'Hello there' });
    expect(await getProfile(me, `${me.username}_new`)).toMatchObject({ aboutMe: 'Hello there', isSelf: true, postCount: 0 });
    await expect(updateProfile(me, { username: other.username.toUpperCase(), aboutMe: '' })).rejects.toMatchObject({
      field: 'username',
      message: 'Please use a different username.',
    });
  });

  it('writes last_seen at most once a minute', async () => {
    const me = await createTestUser();
    const t0 = new Date(1_800_000_000_000);
    await touchActivity(me, t0);
    await touchActivity(me, new Date(t0.getTime() + 30_000));
    expect((await getProfile(me, me.username)).lastSeen).toBe(t0.toISOString());
    await touchActivity(me, new Date(t0.getTime() + 61_000));
    expect((await getProfile(me, me.username)).lastSeen).toBe(new Date(t0.getTime() + 61_000).toISOString());
  });
});
