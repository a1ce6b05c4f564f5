import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../errors';
import { tempDatabaseForThisFile } from '../testing';
import { consumeRateLimit, countAttempts, describeWait, refundAttempts } from './rate-limits';

tempDatabaseForThisFile();

describe('rate limits', () => {
  const limit = { key: 'login:client:10.0.0.1', limit: 3, windowMs: 60_000, message: 'Slow down.' };

  it('allows up to the limit in a window, then refuses with the message, the real wait and retryAfterS', async () => {
    const now = Date.UTC(2030, 0, 1, 12, 0, 40); // 40 s into a one-minute window
    for (let i = 0; i < 3; i++) await consumeRateLimit(limit, now);
    const refused = await consumeRateLimit(limit, now + 1000).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).message).toBe('Slow down. Please try again in 19 seconds.');
    expect((refused as RateLimitedError).retryAfterS).toBe(19);
    // Another client is not affected, and the next window starts afresh.
    await consumeRateLimit({ ...limit, key: 'login:client:10.0.0.2' }, now);
    await consumeRateLimit(limit, now + 20_000);
  });

  it('counts concurrent attempts exactly (no lost updates)', async () => {
    const burst = { ...limit, key: 'signup:client:burst', limit: 10 };
    const results = await Promise.allSettled(Array.from({ length: 15 }, () => consumeRateLimit(burst, 1_700_000_000_000)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
  });

  it('counts several limits in one go and takes an attempt back, never below zero', async () => {
    const now = 1_800_000_000_000;
    const a = { ...limit, key: 'count:a' };
    const b = { ...limit, key: 'count:b', windowMs: 3_600_000 };
    expect(await countAttempts([a, b], now)).toEqual([1, 1]);
    expect(await countAttempts([a, b], now)).toEqual([2, 2]);
    await refundAttempts([a, b], now);
    await refundAttempts([a, b], now);
    await refundAttempts([a, b], now);
    expect(await countAttempts([a, b], now)).toEqual([1, 1]);
  });

  it('says a wait as a person would, rounded up', () => {
    expect(describeWait(0.2)).toBe('1 second');
    expect(describeWait(59)).toBe('59 seconds');
    expect(describeWait(60)).toBe('1 minute');
    expect(describeWait(181)).toBe('4 minutes');
    expect(describeWait(90 * 60)).toBe('90 minutes');
    expect(describeWait(2.5 * 3600)).toBe('3 hours');
  });
});
