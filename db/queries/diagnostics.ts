import 'server-only';
import type { InValue } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { getClient, getDb, queryCount } from '../client';
import { users } from '../schema';
import { postPageStatements, type NamedStatement } from './posts';
import { profileStatement } from './profiles';
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
