import 'server-only';
import { lt, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { RateLimitedError } from '../errors';
import { rateLimits } from '../schema';

export interface RateLimit {
  /** What is limited and for whom, e.g. `login:ip:127.0.0.1`. */
  key: string;
  limit: number;
  windowMs: number;
  message: string;
}

/**
 * Counts one attempt against a fixed-window limit, in one statement (no read-then-write race), and
 * throws once the window's count passes the limit. Stored in the database so it holds across instances.
 * @throws RateLimitedError with the limit's message.
 */
export async function consumeRateLimit(limit: RateLimit, now = Date.now()): Promise<void> {
  const windowStart = now - (now % limit.windowMs);
  const [row] = await getDb()
    .insert(rateLimits)
    .values({ key: limit.key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  // Now and then, forget windows older than a day so the table stays small.
  if (row.count === 1 && Math.random() < 0.01) {
    await getDb().delete(rateLimits).where(lt(rateLimits.windowStart, now - 86_400_000));
  }
  if (row.count > limit.limit) throw new RateLimitedError(limit.message);
}
