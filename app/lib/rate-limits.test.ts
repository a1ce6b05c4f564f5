import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '@/db/errors';
import { consumeRateLimit } from '@/db/queries/rate-limits';
import { tempDatabaseForThisFile } from '@/db/testing';
import { RESET_RATE_LIMIT_MESSAGE, resetPerAddress, resetPerClient } from './rate-limits';

tempDatabaseForThisFile();

describe('password reset rate limits', () => {
  it('allow 5 requests an hour per address (any case) and per client, then say so clearly', async () => {
    const now = Date.UTC(2030, 0, 1, 12);
    for (let i = 0; i < 5; i++) await consumeRateLimit(resetPerAddress(i % 2 ? 'Someone@Example.com' : 'someone@example.com'), now);
    const refused = consumeRateLimit(resetPerAddress('someone@example.com'), now);
    await expect(refused).rejects.toBeInstanceOf(RateLimitedError);
    await expect(consumeRateLimit(resetPerAddress('someone@example.com'), now)).rejects.toThrow(RESET_RATE_LIMIT_MESSAGE);
    // Another address is counted apart; the next hour starts afresh.
    await expect(consumeRateLimit(resetPerAddress('other@example.com'), now)).resolves.toBeUndefined();
    await expect(consumeRateLimit(resetPerAddress('someone@example.com'), now + 3_600_000)).resolves.toBeUndefined();

    for (let i = 0; i < 5; i++) await consumeRateLimit(resetPerClient('10.0.0.1'), now);
    await expect(consumeRateLimit(resetPerClient('10.0.0.1'), now)).rejects.toThrow(RESET_RATE_LIMIT_MESSAGE);
  });
});
