import { afterEach, describe, expect, it } from 'vitest';
import { RateLimitedError } from '@/db/errors';
import { createTestUser, tempDatabaseForThisFile } from '@/db/testing';
import { verifyCredentialsThrottled } from './sign-in-throttle';

tempDatabaseForThisFile();

/** Records the waits instead of sleeping. */
function recorder() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

// Each attempt runs a real bcrypt comparison (hundreds of ms on a busy machine): allow for it.
const SLOW = 120_000;

afterEach(() => {
  for (const name of ['RATE_LIMIT_LOGIN_ACCOUNT_SLOWDOWN', 'RATE_LIMIT_LOGIN_PER_ACCOUNT', 'RATE_LIMIT_LOGIN_PER_CLIENT']) delete process.env[name];
});

describe('sign-in limits count failures only', () => {
  it('30 right passwords in a row all work and leave nothing counted', async () => {
    const owner = await createTestUser('owner30', 'correct horse');
    const now = Date.UTC(2030, 0, 1, 12);
    for (let i = 0; i < 30; i++) {
      expect(await verifyCredentialsThrottled({ username: 'owner30', password: 'correct horse' }, '203.0.113.1', { now })).toMatchObject({ id: owner.id });
    }
    // Then the client still has its whole allowance of failures.
    process.env.RATE_LIMIT_LOGIN_PER_ACCOUNT = '3';
    for (let i = 0; i < 3; i++) expect(await verifyCredentialsThrottled({ username: 'owner30', password: 'wrong' }, '203.0.113.1', { now })).toBeNull();
    await expect(verifyCredentialsThrottled({ username: 'owner30', password: 'wrong' }, '203.0.113.1', { now })).rejects.toBeInstanceOf(RateLimitedError);
  }, SLOW);

  it('refuses a client after its failures on an account (RATE_LIMIT_LOGIN_PER_ACCOUNT), with the real wait, but not the owner elsewhere', async () => {
    process.env.RATE_LIMIT_LOGIN_PER_ACCOUNT = '5';
    await createTestUser('target', 'correct horse');
    const now = Date.UTC(2030, 0, 1, 12, 56); // 4 minutes before the hour's window ends
    for (let i = 0; i < 5; i++) await verifyCredentialsThrottled({ username: 'target', password: `guess${i}` }, '198.51.100.7', { now });
    const refused = await verifyCredentialsThrottled({ username: 'target', password: 'correct horse' }, '198.51.100.7', { now }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).message).toBe('Too many failed sign-in attempts for this account. Please try again in 4 minutes.');
    expect((refused as RateLimitedError).retryAfterS).toBe(240);
    // The owner, from an address that has not been failing, signs in at once.
    const { waits, sleep } = recorder();
    expect(await verifyCredentialsThrottled({ username: 'target', password: 'correct horse' }, '203.0.113.2', { now, sleep })).not.toBeNull();
    expect(waits).toEqual([]);
  }, SLOW);

  it('refuses a client that fails on many accounts (RATE_LIMIT_LOGIN_PER_CLIENT per 5 minutes)', async () => {
    process.env.RATE_LIMIT_LOGIN_PER_CLIENT = '5';
    const now = Date.UTC(2030, 0, 2, 12);
    for (let i = 0; i < 5; i++) await verifyCredentialsThrottled({ username: `nobody${i}`, password: 'x' }, '192.0.2.50', { now });
    await expect(verifyCredentialsThrottled({ username: 'nobody99', password: 'x' }, '192.0.2.50', { now })).rejects.toThrow(
      'Too many failed sign-in attempts from your network. Please try again in 5 minutes.',
    );
  }, SLOW);

  it('many failures from other addresses only slow the account down, growing, and the right password still works', async () => {
    process.env.RATE_LIMIT_LOGIN_ACCOUNT_SLOWDOWN = '20';
    await createTestUser('popular', 'correct horse');
    const now = Date.UTC(2030, 0, 3, 12);
    const { waits, sleep } = recorder();
    for (let i = 0; i < 26; i++) {
      expect(await verifyCredentialsThrottled({ username: 'popular', password: 'wrong' }, `203.0.113.${100 + i}`, { now, sleep })).toBeNull();
    }
    expect(waits).toEqual([250, 500, 750, 1000, 1250, 1500]);
    waits.length = 0;
    expect(await verifyCredentialsThrottled({ username: 'popular', password: 'correct horse' }, '198.51.100.1', { now, sleep })).not.toBeNull();
    expect(waits).toEqual([1750]);
    // Its success was taken back: the next failure waits as long as the owner did, not longer.
    await verifyCredentialsThrottled({ username: 'popular', password: 'wrong' }, '203.0.113.1', { now, sleep });
    expect(waits).toEqual([1750, 1750]);
  }, SLOW);
});
