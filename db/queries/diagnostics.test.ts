import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../client';
import { users } from '../schema';
import { seed } from '../seed';
import { tempDatabaseForThisFile } from '../testing';
import { explainPageQueries } from './diagnostics';
import { listPosts } from './posts';

tempDatabaseForThisFile();

describe('query plans of the pages (npm run bench:scale prints them)', () => {
  it('read index ranges only: no statement scans the post, followers or user table', async () => {
    await seed({ users: 12, posts: 3000, follows: 4, password: 'password123' });
    const [john] = await getDb().select({ id: users.id, username: users.username }).from(users).where(eq(users.username, 'john'));
    const home = await listPosts(john, { scope: { kind: 'home' } });
    const explore = await listPosts(john, { scope: { kind: 'explore' } });
    expect(home.olderCursor).not.toBeNull();

    const plans = await explainPageQueries({ viewer: 'john', profile: 'susan', homeBefore: home.olderCursor, exploreBefore: explore.olderCursor }, 3);

    expect(plans.map((p) => p.name)).toEqual([
      'session read (every page)',
      'home timeline, page 1: the day before the cursor',
      'home timeline, page 1: fallback when that day holds less than a page',
      'home timeline, deep page: the day before the cursor',
      'home timeline, deep page: fallback when that day holds less than a page',
      'explore, page 1: page',
      'explore, deep page: page',
      'profile header and user popover (getProfile)',
      "profile's posts, page 1: page",
    ]);
    for (const { name, plan, medianMs } of plans) {
      expect(plan.length, name).toBeGreaterThan(0);
      expect(medianMs, name).toBeGreaterThan(0);
      // "SCAN <table>" without an index reads every row; "SCAN ... USING INDEX" walks an index in
      // order and stops at the page's LIMIT (explore), which is fine.
      expect(plan.filter((step) => /^\s*SCAN (post|followers|user|session)\b(?!.*USING)/.test(step)), name).toEqual([]);
    }
    // The home timeline and a profile's posts seek into the (user_id, timestamp) index.
    for (const { name, plan } of plans.filter((p) => p.name.startsWith('home') || p.name.startsWith("profile's"))) {
      expect(plan.join('\n'), name).toContain('SEARCH post USING COVERING INDEX ix_post_user_id_timestamp');
    }
  });
});
