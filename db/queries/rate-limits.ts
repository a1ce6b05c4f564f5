import 'server-only';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { RateLimitedError } from '../errors';
import { rateLimits } from '../schema';

export interface RateLimit {
  /** What is limited and for whom, e.g. `login:client:127.0.0.1`. */
  key: string;
  /** Attempts allowed per window; the next one is refused (or, for a slowdown, delayed). */
  limit: number;
  windowMs: number;
  /** What went wrong, one sentence; the wait ("Please try again in 4 minutes.") is appended. */
  message: string;
}

/** A positive integer from the environment variable `name`, else `fallback` (limits the operator may tune). */
export function limitFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Fixed windows: an attempt at `now` counts in the window that started at `windowStartOf(...)`. */
function windowStartOf(limit: RateLimit, now: number): number {
  return now - (now % limit.windowMs);
}

/** "30 seconds", "1 minute", "4 minutes", "2 hours": a wait rounded up, as a person says it. */
export function describeWait(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds < 60) return plural(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds <= 90 * 60) return plural(Math.ceil(seconds / 60), 'minute');
  return plural(Math.ceil(seconds / 3600), 'hour');
}

/** The error for a refused attempt: the limit's message, the real wait until its window ends, and that wait in seconds. */
export function rateLimitedError(limit: RateLimit, now = Date.now()): RateLimitedError {
  const retryAfterS = Math.max(1, Math.ceil((windowStartOf(limit, now) + limit.windowMs - now) / 1000));
  return new RateLimitedError(`${limit.message} Please try again in ${describeWait(retryAfterS)}.`, retryAfterS);
}

/**
 * Counts one attempt against each limit, in one batch of single-statement upserts (no read-then-write
 * race), and returns each limit's count in its current window, this attempt included. Throws nothing:
 * the caller decides what a count past the limit means (refuse, or slow down).
 */
export async function countAttempts(limits: RateLimit[], now = Date.now()): Promise<number[]> {
  if (limits.length === 0) return [];
  const db = getDb();
  const upserts = limits.map((limit) =>
    db
      .insert(rateLimits)
      .values({ key: limit.key, windowStart: windowStartOf(limit, now), count: 1 })
      .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
      .returning({ count: rateLimits.count }),
  );
  const results = await db.batch(upserts as [(typeof upserts)[number], ...typeof upserts]);
  const counts = results.map(([row]) => row.count);
  // Now and then, forget windows older than a day so the table stays small.
  if (counts.includes(1) && Math.random() < 0.01) {
    await db.delete(rateLimits).where(lt(rateLimits.windowStart, now - 86_400_000));
  }
  return counts;
}

/**
 * Takes back attempts counted with the same `now` (a sign-in that turned out right is not a failure),
 * in one batch; a count never goes below zero.
 */
export async function refundAttempts(limits: RateLimit[], now: number): Promise<void> {
  if (limits.length === 0) return;
  const db = getDb();
  const updates = limits.map((limit) =>
    db
      .update(rateLimits)
      .set({ count: sql`${rateLimits.count} - 1` })
      .where(and(eq(rateLimits.key, limit.key), eq(rateLimits.windowStart, windowStartOf(limit, now)), gt(rateLimits.count, 0))),
  );
  await db.batch(updates as [(typeof updates)[number], ...typeof updates]);
}

/**
 * Counts one attempt against a limit and refuses it once the window's count passes the limit. Stored
 * in the database so it holds across instances.
 * @throws RateLimitedError with the limit's message, the real wait and `retryAfterS`.
 */
export async function consumeRateLimit(limit: RateLimit, now = Date.now()): Promise<void> {
  const [count] = await countAttempts([limit], now);
  if (count > limit.limit) throw rateLimitedError(limit, now);
}
