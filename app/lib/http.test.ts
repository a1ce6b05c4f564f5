import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '@/db/errors';
import { jsonErrorFrom } from './http';

describe('JSON errors', () => {
  it('answer a rate-limited request with 429, Retry-After in seconds and the message with the wait', async () => {
    const response = jsonErrorFrom(new RateLimitedError('Too many reset requests. Please try again in 4 minutes.', 240));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('240');
    expect(await response.json()).toEqual({ error: 'Too Many Requests', message: 'Too many reset requests. Please try again in 4 minutes.' });
  });
});
