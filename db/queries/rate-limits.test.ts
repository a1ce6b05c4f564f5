import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../errors';
import { tempDatabaseForThisFile } from '../testing';
import { consumeRateLimit } from './rate-limits';

tempDatabaseForThisFile();

describe('rate limits', () => {
  const limit = { key: 'login:client:10.0.0.1', limit: 3, windowMs: 60_000, message: 'Slow down.' };

  it('allows up to the limit in a window, then refuses with the limit message', async () => {
    const now = 1_700_000_000_000;
    for (let i = 0; i < 3; i++) await consumeRateLimit(limit, now);
    await expect(consumeRateLimit(limit, now + 1000)).rejects.toEqual(new RateLimitedError('Slow down.'));
    // Another client is not affected, and the next window starts afresh.
    await consumeRateLimit({ ...limit, key: 'login:client:10.0.0.2' }, now);
    await consumeRateLimit(limit, now + 60_000);
  });

  it('counts concurrent attempts exactly (no lost updates)', async () => {
    const burst = { ...limit, key: 'signup:client:burst', limit: 10 };
    const results = await Promise.allSettled(Array.from({ length: 15 }, () => consumeRateLimit(burst, 1_700_000_000_000)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
  });
});
