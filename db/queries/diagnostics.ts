import 'server-only';
import type { InValue } from '@libsql/client';
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { getClient, getDb, queryCount } from '../client';
import { sessions, users } from '../schema';
import type { Viewer } from '../viewer';
import { postPageStatements, type NamedStatement } from './posts';
import { profileStatement } from './profiles';
import { searchPosts, searchPostsPage } from './search';
import { sessionUserStatement } from './sessions';

/** SQL calls made by this process so far; only the benchmark's route reads it (no user data). */
export function sqlCallCount(): number {
  return queryCount();
}

/** One statement's EXPLAIN QUERY PLAN: `plan` holds SQLite's steps, indented by nesting. */
export interface QueryPlan {
  name: string;
  plan: string[];
  /** Median milliseconds of running the statement itself `runs` times in a row from this process (to a server: the round trip included). */
  medianMs: number;
}

async function planOf({ name, sql, params }: NamedStatement, runs: number): Promise<QueryPlan> {
  const client = getClient();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await client.execute({ sql, args: params as InValue[] });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const { rows } = await client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: params as InValue[] });
  const depth = new Map<number, number>([[0, -1]]);
  const plan = rows.map((row) => {
    const level = (depth.get(Number(row.parent)) ?? 0) + 1;
    depth.set(Number(row.id), level);
    return `${'  '.repeat(level)}${String(row.detail)}`;
  });
  return { name, plan, medianMs: times[Math.floor(times.length / 2)] ?? 0 };
}

async function userId(username: string): Promise<number> {
  const [row] = await getDb().select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

/**
 * EXPLAIN QUERY PLAN of the statements behind the benchmarked pages, built by the data layer's own
 * code (drizzle's `toSQL()` of the real queries), as `viewer` sees them: the session read every page
 * sends; the home timeline's page 1 and the page before the cursor `homeBefore`; explore's page 1
 * and the page before `exploreBefore`; `profile`'s profile (its header, which is also the popover's
 * one statement) and posts; each statement is also run `runs` times (default 25) and timed. Only
 * `npm run bench:scale` calls it.
 * @throws Error when `viewer` or `profile` does not exist.
 */
export async function explainPageQueries(
  input: { viewer: string; profile: string; homeBefore: string | null; exploreBefore: string | null },
  runs = 25,
): Promise<QueryPlan[]> {
  const viewerId = await userId(input.viewer);
  const profileId = await userId(input.profile);
  const named = (prefix: string, statements: NamedStatement[]) => statements.map((s) => ({ ...s, name: `${prefix}: ${s.name}` }));
  const statements: NamedStatement[] = [
    { name: 'session read (every page)', ...sessionUserStatement({ userId: viewerId, sessionId: 'x' }) },
    ...named('home timeline, page 1', postPageStatements(viewerId, { kind: 'home' }, null)),
    ...named('home timeline, deep page', postPageStatements(viewerId, { kind: 'home' }, input.homeBefore)),
    ...named('explore, page 1', postPageStatements(viewerId, { kind: 'explore' }, null)),
    ...named('explore, deep page', postPageStatements(viewerId, { kind: 'explore' }, input.exploreBefore)),
    { name: 'profile header and user popover (getProfile)', ...profileStatement(viewerId, input.profile) },
    ...named("profile's posts, page 1", postPageStatements(viewerId, { kind: 'user', userId: profileId }, null)),
  ];
  const plans: QueryPlan[] = [];
  for (const statement of statements) plans.push(await planOf(statement, runs));
  return plans;
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
