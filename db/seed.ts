import type { InStatement, InValue } from '@libsql/client';
import { fillPlaceholders, inArray, sql, type Placeholder } from 'drizzle-orm';
import { getClient, getDb } from './client';
import { isPlainFile, readDatabaseConfig } from './config';
import { hashPassword } from './password';
import { parseHashtags, parseMentions } from './post-entities';
import { likeNotification, postNotifications } from './notification-rules';
import { activities, followers, postLikes, postMentions, postTags, posts, users } from './schema';
import { seedPostBody, type Random } from './seed-text';

export interface SeedOptions {
  users: number;
  posts: number;
  /** Accounts each user follows. */
  follows: number;
  password: string;
}

const DEMO_NAMES = ['john', 'susan', 'mary', 'david'];

/** A tiny deterministic PRNG (mulberry32) so every run produces the same data. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One planned post: author and people by index in the planned user list, parent by plan index. */
interface PlannedPost {
  index: number;
  author: number;
  timestamp: Date;
  body: string;
  parent: number | null;
  likers: number[];
}

/** Share of posts that answer a recent post, mention someone, carry a #hashtag, get likes. */
const REPLY_SHARE = 0.1;
const MENTION_SHARE = 0.05;
const TAG_SHARE = 0.12;
const LIKED_SHARE = 0.2;

/**
 * Every post the options ask for, oldest first, over the last 30 days: English sentences
 * (db/seed-text.ts), a tenth of them replies to one of the 200 posts before them (starting with
 * "@author ", as the web's reply box does), some @mentions, #hashtags and likes. The plan depends only
 * on the options, never on what the database holds, so reruns stay idempotent.
 */
function planPosts(rand: Random, count: number, names: string[]): PlannedPost[] {
  const now = Date.now();
  const span = 30 * 24 * 3600 * 1000;
  const drafts = Array.from({ length: count }, () => ({ author: Math.floor(rand() * names.length), time: now - Math.floor(rand() * span) }));
  drafts.sort((a, b) => a.time - b.time);
  const plan: PlannedPost[] = [];
  drafts.forEach((draft, index) => {
    const roll = rand();
    const parent = roll < REPLY_SHARE && index > 0 ? index - 1 - Math.floor(rand() * Math.min(index, 200)) : null;
    const mentioned = parent === null && roll > 1 - MENTION_SHARE ? Math.floor(rand() * names.length) : null;
    const prefix = parent !== null ? `@${names[plan[parent].author]} ` : mentioned !== null ? `@${names[mentioned]} ` : '';
    const likers = new Set<number>();
    if (rand() < LIKED_SHARE) for (let n = 1 + Math.floor(rand() * 4); n > 0; n--) likers.add(Math.floor(rand() * names.length));
    likers.delete(draft.author);
    plan.push({ index, author: draft.author, timestamp: new Date(draft.time), body: seedPostBody(rand, { prefix, tagChance: TAG_SHARE }), parent, likers: [...likers] });
  });
  return plan;
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
  /** Of those posts, replies to another new post. */
  replies: number;
  /** post_tag, post_mention and post_like rows added. */
  tags: number;
  mentions: number;
  likes: number;
  follows: number;
  /** Notifications (activity rows) of those replies, mentions, likes and follows. */
  notifications: number;
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
 * over the last 30 days, with replies, mentions, hashtags and likes (planPosts). Everyone shares one
 * password hash (hashing is deliberately slow).
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

  const plan = planPosts(rand, options.posts, names);
  // Explicit ids after the current highest, in time order: replies can name their parent's id in the
  // same INSERT, and a post written meanwhile by someone else is a loud primary-key failure.
  const [{ last }] = await db.all<{ last: number | null }>(sql`select max(coalesce((select seq from sqlite_sequence where name = 'post'), 0), coalesce((select max(id) from post), 0)) as last`);
  const idOf = new Map<number, number>();
  for (const planned of plan) if (added.has(userIds[planned.author])) idOf.set(planned.index, Number(last ?? 0) + idOf.size + 1);
  const postRows = plan.flatMap((planned) => {
    const id = idOf.get(planned.index);
    if (id === undefined) return [];
    const inReplyToId = planned.parent === null ? null : (idOf.get(planned.parent) ?? null);
    return [{ id, body: planned.body, userId: userIds[planned.author], timestamp: planned.timestamp, inReplyToId }];
  });
  await insertInBatches(postRows, 2000, 25, (chunk) => db.insert(posts).values(chunk));

  // Tags and mentions through the app's own parser (db/post-entities.ts), as createPost stores them.
  const idByName = new Map(names.map((name, i) => [name, userIds[i]]));
  const tagRows = postRows.flatMap((row) => parseHashtags(row.body).map((tag) => ({ postId: row.id, tag, timestamp: row.timestamp })));
  const mentionRows = postRows.flatMap((row) =>
    parseMentions(row.body).flatMap((name) => {
      const userId = idByName.get(name) ?? -1;
      return userId === -1 || userId === row.userId ? [] : [{ postId: row.id, userId }];
    }),
  );
  const likeRows = plan.flatMap((planned) => {
    const postId = idOf.get(planned.index);
    if (postId === undefined) return [];
    return planned.likers.flatMap((liker) => (userIds[liker] === -1 ? [] : [{ postId, userId: userIds[liker], timestamp: new Date(planned.timestamp.getTime() + 60_000) }]));
  });
  await insertInBatches(tagRows, 2000, 25, (chunk) => db.insert(postTags).values(chunk).onConflictDoNothing());
  await insertInBatches(mentionRows, 2000, 25, (chunk) => db.insert(postMentions).values(chunk).onConflictDoNothing());
  await insertInBatches(likeRows, 2000, 25, (chunk) => db.insert(postLikes).values(chunk).onConflictDoNothing());

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

  // What those rows notify, by the app's own rule (db/notification-rules.ts), all unread: a seeded
  // user's notifications page and badge show what the app would have shown.
  const authorOf = new Map(postRows.map((row) => [row.id, row.userId]));
  const mentionedBy = new Map<number, number[]>();
  for (const { postId, userId } of mentionRows) mentionedBy.set(postId, [...(mentionedBy.get(postId) ?? []), userId]);
  const followedAt = new Date();
  type ActivityRow = { userId: number; kind: 'reply' | 'mention' | 'like' | 'follow'; actorId: number; postId: number | null; timestamp: Date };
  const activityRows: ActivityRow[] = postRows.flatMap((row) => {
    const notify = postNotifications(row.userId, row.inReplyToId === null ? null : authorOf.get(row.inReplyToId)!, mentionedBy.get(row.id) ?? []);
    const base = { actorId: row.userId, postId: row.id, timestamp: row.timestamp };
    return [...(notify.reply === null ? [] : [{ ...base, userId: notify.reply, kind: 'reply' as const }]), ...notify.mentions.map((userId) => ({ ...base, userId, kind: 'mention' as const }))];
  });
  for (const like of likeRows) {
    const userId = likeNotification(authorOf.get(like.postId)!, like.userId);
    if (userId !== null) activityRows.push({ userId, kind: 'like', actorId: like.userId, postId: like.postId, timestamp: like.timestamp });
  }
  for (const follow of follows) activityRows.push({ userId: follow.followedId, kind: 'follow', actorId: follow.followerId, postId: null, timestamp: followedAt });
  await insertInBatches(activityRows, 2000, 25, (chunk) => db.insert(activities).values(chunk));
  const existing = names.filter((name) => before.has(name));
  return {
    existing: existing.length,
    existingNames: existing.slice(0, 5),
    emailTaken: missing.filter((name) => !ids.has(name)),
    users: added.size,
    posts: postRows.length,
    replies: postRows.filter((row) => row.inReplyToId !== null).length,
    tags: tagRows.length,
    mentions: mentionRows.length,
    likes: likeRows.length,
    follows: follows.length,
    notifications: activityRows.length,
  };
}
