import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from './client';
import { registerUser } from './queries/users';
import { followers, posts, users } from './schema';
import { seed } from './seed';
import { tempDatabaseForThisFile } from './testing';

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
