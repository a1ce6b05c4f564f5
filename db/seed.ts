import type { InStatement, InValue } from '@libsql/client';
import { fillPlaceholders, inArray, sql, type Placeholder } from 'drizzle-orm';
import { getClient, getDb } from './client';
import { isPlainFile, readDatabaseConfig } from './config';
import { hashPassword } from './password';
import { followers, posts, users } from './schema';

export interface SeedOptions {
  users: number;
  posts: number;
  /** Accounts each user follows. */
  follows: number;
  password: string;
}

const DEMO_NAMES = ['john', 'susan', 'mary', 'david'];
const WORDS = 'the a microblog post today coffee code train music friends weekend idea book walk rain sun city night'.split(' ');

/** A tiny deterministic PRNG (mulberry32) so every run produces the same data. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertInChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export interface SeedResult {
  /** Demo users that were there already (by name): skipped, with the posts and follows they would get. */
  existing: number;
  /** The first few of those names, for the message. */
  existingNames: string[];
  /** Demo users not added because another account has their e-mail address. */
  emailTaken: string[];
  /** What was added. */
  users: number;
  posts: number;
  follows: number;
}

/** The ids of the users with these names (case-insensitive, as usernames are unique), by name. */
async function idsByName(names: string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  await insertInChunks(names, 500, async (chunk) => {
    const rows = await getDb().select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, chunk));
    for (const row of rows) found.set(row.username.toLowerCase(), row.id);
  });
  return found;
}

type Placeholders<T> = { [K in keyof T]: Placeholder };
type Template = { sql: string; params: unknown[] };

/**
 * A larger page cache (256 MB, for this connection only) while seeding a plain file: the indexes of a
 * million posts then grow in memory instead of re-reading their pages from the file. Sent inside each
 * batch's transaction so it reaches the pooled connection that writes (Known trap 3); a server keeps
 * its own settings.
 */
const SEED_CACHE_PRAGMA = 'PRAGMA cache_size = -262144';

/**
 * Inserts `rows` as multi-row INSERTs of `size` rows, `perBatch` of them per batch: one transaction
 * (one commit, and over a libSQL server one request) per `size * perBatch` rows. drizzle builds each
 * statement once per row count, from `build` given one row of placeholders per row; every chunk then
 * only fills in its values (building a 2,000-row insert anew per chunk was half the time of seeding
 * a million posts).
 */
async function insertInBatches<T extends Record<string, unknown>>(
  rows: T[],
  size: number,
  perBatch: number,
  build: (placeholderRows: Placeholders<T>[]) => { toSQL(): Template },
) {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]) as (keyof T & string)[];
  const templates = new Map<number, Template>();
  const template = (n: number) => {
    let built = templates.get(n);
    if (!built) {
      const placeholderRows = Array.from({ length: n }, (_, i) => Object.fromEntries(keys.map((k) => [k, sql.placeholder(`${k}${i}`)])) as Placeholders<T>);
      built = build(placeholderRows).toSQL();
      templates.set(n, built);
    }
    return built;
  };
  const client = getClient();
  const tweaks = isPlainFile(readDatabaseConfig()) ? [SEED_CACHE_PRAGMA] : [];
  for (let i = 0; i < rows.length; i += size * perBatch) {
    const statements: InStatement[] = [...tweaks];
    for (let j = i; j < Math.min(rows.length, i + size * perBatch); j += size) {
      const chunk = rows.slice(j, j + size);
      const values: Record<string, unknown> = {};
      chunk.forEach((row, r) => {
        for (const k of keys) values[`${k}${r}`] = row[k];
      });
      const { sql: text, params } = template(chunk.length);
      statements.push({ sql: text, args: fillPlaceholders(params, values) as InValue[] });
    }
    await client.batch(statements, 'write');
  }
}

/**
 * Demo data: the reference's john, susan, mary and david first, then user5, user6...; posts spread
 * over the last 30 days. Everyone shares one password hash (hashing is deliberately slow).
 * Deterministic: the same options plan the same rows. Safe to run again: demo users that exist are
 * skipped with their planned posts and follows, so a second run adds nothing, and a run with more
 * `--users` adds only the new users and their rows.
 */
export async function seed(options: SeedOptions): Promise<SeedResult> {
  const db = getDb();
  const rand = random(42);
  const names = Array.from({ length: options.users }, (_, i) => DEMO_NAMES[i] ?? `user${i + 1}`);
  const before = await idsByName(names);
  const missing = names.filter((name) => !before.has(name));
  if (missing.length) {
    const passwordHash = await hashPassword(options.password);
    // An e-mail address taken by another account skips that user instead of failing the run.
    await insertInChunks(missing, 500, (chunk) =>
      db.insert(users).values(chunk.map((username) => ({ username, email: `${username}@example.com`, passwordHash }))).onConflictDoNothing(),
    );
  }
  const ids = await idsByName(names);
  const added = new Set(missing.filter((name) => ids.has(name)).map((name) => ids.get(name)!));
  // Every planned user, in order, so the random plan is the same whatever exists already.
  const userIds = names.map((name) => ids.get(name) ?? -1);

  const now = Date.now();
  const span = 30 * 24 * 3600 * 1000;
  const postRows = Array.from({ length: options.posts }, (_, i) => {
    const words = Array.from({ length: 3 + Math.floor(rand() * 12) }, () => WORDS[Math.floor(rand() * WORDS.length)]);
    return {
      body: `${words.join(' ')} #${i + 1}`,
      userId: userIds[Math.floor(rand() * userIds.length)],
      timestamp: new Date(now - Math.floor(rand() * span)),
    };
  }).filter((row) => added.has(row.userId));
  // Oldest first, as a live site writes them: ids then follow time, and the timestamp index grows at
  // its end instead of splitting pages all over (SQLite's share of seeding 200,000 posts: 10.6 s -> 8.6 s).
  postRows.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  await insertInBatches(postRows, 2000, 25, (chunk) => db.insert(posts).values(chunk));

  const follows: { followerId: number; followedId: number }[] = [];
  const perUser = Math.min(options.follows, userIds.length - 1);
  for (const followerId of userIds) {
    const chosen = new Set<number>();
    while (chosen.size < perUser) {
      const followedId = userIds[Math.floor(rand() * userIds.length)];
      if (followedId !== followerId) chosen.add(followedId);
    }
    if (!added.has(followerId)) continue;
    for (const followedId of chosen) if (followedId !== -1) follows.push({ followerId, followedId });
  }
  await insertInBatches(follows, 5000, 10, (chunk) => db.insert(followers).values(chunk).onConflictDoNothing());
  const existing = names.filter((name) => before.has(name));
  return {
    existing: existing.length,
    existingNames: existing.slice(0, 5),
    emailTaken: missing.filter((name) => !ids.has(name)),
    users: added.size,
    posts: postRows.length,
    follows: follows.length,
  };
}
