import 'server-only';
import type { Client, InValue } from '@libsql/client';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb, queryCount } from '../client';
import { sessions } from '../schema';
import type { Viewer } from '../viewer';
import { homeTimelineStatement } from './posts';
import { searchPosts, searchPostsPage } from './search';

/** SQL calls made by this process so far; only the benchmark's route reads it (no user data). */
export function sqlCallCount(): number {
  return queryCount();
}

/**
 * EXPLAIN QUERY PLAN of the home timeline's query for `username`'s page before `before` (null: page
 * 1), as indented lines; only `npm run bench:scale` calls it. Throws if the user does not exist.
 */
export async function explainHomeTimeline(username: string, before: string | null): Promise<string[]> {
  // drizzle() attaches the client it was given as $client; the Database type leaves it out.
  const client = (getDb() as unknown as { $client: Client }).$client;
  const { rows } = await client.execute({ sql: 'select id from user where username = ?', args: [username] });
  if (rows.length === 0) throw new Error(`no user ${username}`);
  const statement = homeTimelineStatement(Number(rows[0].id), before);
  const plan = await client.execute({ sql: `EXPLAIN QUERY PLAN ${statement.sql}`, args: statement.params as InValue[] });
  const depth = new Map<number, number>([[0, -1]]);
  return plan.rows.map((row: Record<string, unknown>) => {
    const level = (depth.get(Number(row.parent)) ?? 0) + 1;
    depth.set(Number(row.id), level);
    return `${'  '.repeat(level)}${String(row.detail)}`;
  });
}

/**
 * The post with the most replies (ties: the newest), for the benchmark's thread page; null without
 * replies. Only `npm run bench` calls it.
 */
export async function busiestThreadPostId(): Promise<number | null> {
  const rows = await getDb().all<{ id: number }>(sql`
    select in_reply_to_id as id from post where in_reply_to_id is not null
    group by in_reply_to_id order by count(*) desc, in_reply_to_id desc limit 1`);
  return rows.length ? Number(rows[0].id) : null;
}

/**
 * Milliseconds each of `runs` calls of searchPosts (the web search's data-layer function: the FTS5
 * query and the page's posts) takes for `q`, as `username` (who must exist), in this process; and how
 * many posts match in all. Only `npm run bench` calls it.
 */
export async function timeSearchPosts(username: string, q: string, runs: number): Promise<{ ms: number[]; hits: number; total: number }> {
  const [user] = await getDb().all<{ id: number; username: string }>(sql`select id, username from "user" where username = ${username}`);
  if (!user) throw new Error(`no user ${username}`);
  const viewer: Viewer = { id: Number(user.id), username: String(user.username) };
  const ms: number[] = [];
  let hits = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    hits = (await searchPosts(viewer, { q })).hits.length;
    ms.push(performance.now() - started);
  }
  const { total } = await searchPostsPage(viewer, { q, limit: 1, offset: 0 });
  return { ms, hits, total };
}

/**
 * A session row for each of `userIds` (in order), as a sign-in would create, without the password
 * check: the notification benchmark opens 200 streams, and 200 sign-ins would cost 200 bcrypt compares
 * and trip the sign-in limit. Returns the session ids, which go into the cookies' `sid`. Only
 * `npm run bench` calls it.
 */
export async function mintBenchSessions(userIds: number[]): Promise<string[]> {
  const now = new Date();
  const rows = userIds.map((userId) => ({ id: crypto.randomBytes(32).toString('base64url'), userId, createdAt: now, lastActive: now, userAgent: 'npm run bench', remember: false }));
  if (rows.length > 0) await getDb().insert(sessions).values(rows);
  return rows.map((row) => row.id);
}
