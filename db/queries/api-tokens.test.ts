import { describe, expect, it } from 'vitest';
import { UnauthenticatedError } from '../errors';
import { createTestUser, tempDatabaseForThisFile } from '../testing';
import { signOutEverywhere } from './account';
import {
  authenticateAccessToken,
  issueTokenPair,
  keepTokenPair,
  REFRESH_GRACE_MS,
  refreshTokenPair,
  revokeTokenPair,
} from './api-tokens';

tempDatabaseForThisFile();

const PASSWORD = 'correct horse';
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

async function signedIn(now = new Date()) {
  const user = await createTestUser();
  const pair = await issueTokenPair({ login: user.username, password: PASSWORD }, { now });
  return { user, pair, now };
}

describe('API tokens', () => {
  it('issues a pair for the username or the e-mail, and refuses wrong passwords and unknown users', async () => {
    const { user, pair } = await signedIn();
    expect(pair.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await authenticateAccessToken(pair.accessToken)).toMatchObject({ id: user.id, username: user.username });
    await expect(issueTokenPair({ login: `${user.username.toLowerCase()}@example.com`, password: PASSWORD })).resolves.toBeTruthy();
    await expect(issueTokenPair({ login: user.username, password: 'wrong password' })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(issueTokenPair({ login: 'nobody-here', password: PASSWORD })).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('refuses an access token that expired, was altered, or is a refresh token', async () => {
    const { pair, now } = await signedIn();
    expect(await authenticateAccessToken(pair.accessToken, at(now, 15 * 60_000 - 1))).not.toBeNull();
    expect(await authenticateAccessToken(pair.accessToken, at(now, 15 * 60_000))).toBeNull();
    expect(await authenticateAccessToken(pair.accessToken + 'x')).toBeNull();
    expect(await authenticateAccessToken(pair.refreshToken)).toBeNull();
  });

  it('refreshes an expired access token; the old pair works for the grace period only', async () => {
    const { pair, now } = await signedIn();
    const later = at(now, 20 * 60_000);
    const next = await refreshTokenPair(pair, { now: later });
    expect(next.accessToken).not.toBe(pair.accessToken);
    expect(next.refreshToken).not.toBe(pair.refreshToken);
    expect(await authenticateAccessToken(next.accessToken, later)).not.toBeNull();
    // The old access token had expired anyway; the old refresh token works within the grace.
    const concurrent = await refreshTokenPair(pair, { now: at(later, REFRESH_GRACE_MS - 1) });
    expect(await authenticateAccessToken(concurrent.accessToken, later)).not.toBeNull();
  });

  it('a stale pair reused after the grace revokes every pair of the user', async () => {
    const now = new Date();
    const { user, pair: first } = await signedIn(now);
    const second = await issueTokenPair({ login: user.username, password: PASSWORD }, { now });
    const third = await refreshTokenPair(second, { now });
    const reuse = at(now, REFRESH_GRACE_MS + 1);
    await expect(refreshTokenPair(second, { now: reuse })).rejects.toBeInstanceOf(UnauthenticatedError);
    for (const pair of [first, second, third]) {
      expect(await authenticateAccessToken(pair.accessToken, reuse)).toBeNull();
      await expect(refreshTokenPair(pair, { now: reuse })).rejects.toBeInstanceOf(UnauthenticatedError);
    }
  });

  it('a refresh token of another pair is refused without revoking anything', async () => {
    const { user, pair } = await signedIn();
    const other = await issueTokenPair({ login: user.username, password: PASSWORD });
    await expect(refreshTokenPair({ accessToken: pair.accessToken, refreshToken: other.refreshToken })).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await authenticateAccessToken(pair.accessToken)).not.toBeNull();
    expect(await authenticateAccessToken(other.accessToken)).not.toBeNull();
  });

  it('revoking ends the pair at once; refreshing it afterwards is refused', async () => {
    const { pair } = await signedIn();
    await revokeTokenPair(pair.accessToken);
    expect(await authenticateAccessToken(pair.accessToken)).toBeNull();
    await expect(refreshTokenPair(pair)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('pairs end with the user\'s sessions; keepTokenPair carries one pair over', async () => {
    const { user, pair } = await signedIn();
    const kept = await issueTokenPair({ login: user.username, password: PASSWORD });
    const viewer = (await authenticateAccessToken(kept.accessToken))!;
    await signOutEverywhere(user);
    expect(await authenticateAccessToken(pair.accessToken)).toBeNull();
    await expect(refreshTokenPair(pair)).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await authenticateAccessToken(kept.accessToken)).toBeNull();
    await keepTokenPair(viewer, 1);
    expect(await authenticateAccessToken(kept.accessToken)).not.toBeNull();
    expect(await authenticateAccessToken(pair.accessToken)).toBeNull();
  });
});
