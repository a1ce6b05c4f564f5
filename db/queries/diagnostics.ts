import 'server-only';
import type { Client, InValue } from '@libsql/client';
import { getDb, queryCount } from '../client';
import { homeTimelineStatement } from './posts';

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
