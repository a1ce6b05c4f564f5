import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ConflictError, UnauthenticatedError, ValidationError } from '../errors';
import { users } from '../schema';
import { createTestUser, getDb, signInTestUser, tempDatabaseForThisFile } from '../testing';
import type { Viewer } from '../viewer';
import { changeEmail, changePassword, signOutEverywhere, WRONG_PASSWORD } from './account';
import { getOwnAccount } from './profiles';
import { getSessionUser } from './sessions';
import { verifyCredentials } from './users';

tempDatabaseForThisFile();

/** The version API tokens are checked against. */
const version = async (id: number) => (await getDb().select({ v: users.sessionVersion }).from(users).where(eq(users.id, id)))[0].v;
const isLive = async (session: Viewer & { sessionId: string }) => (await getSessionUser({ userId: session.id, sessionId: session.sessionId })) !== null;

describe('account settings', () => {
  it('changes the password only with the current one, and ends the other sessions', async () => {
    const created = await createTestUser();
    const user = await signInTestUser(created);
    const other = await signInTestUser(created);
    const before = await version(user.id);
    await expect(changePassword(user, { currentPassword: 'wrong one', newPassword: 'new password 1' })).rejects.toEqual(
      new ValidationError(WRONG_PASSWORD, 'currentPassword'),
    );
    expect(await version(user.id)).toBe(before);

    await expect(changePassword(user, { currentPassword: 'correct horse', newPassword: 'new password 1' })).resolves.toEqual({
      sessionVersion: before + 1,
    });
    expect(await verifyCredentials({ username: user.username, password: 'new password 1' })).not.toBeNull();
    expect(await verifyCredentials({ username: user.username, password: 'correct horse' })).toBeNull();
    // This session stays; the other one has ended.
    expect(await isLive(user)).toBe(true);
    expect(await isLive(other)).toBe(false);
  });

  it('refuses a current password over 72 bytes that starts with the right 72 (no truncated comparison)', async () => {
    const p72 = 'p'.repeat(72);
    const user = await createTestUser(undefined, p72);
    await expect(changeEmail(user, { email: 'trunc@example.com', password: `${p72}X` })).rejects.toEqual(new ValidationError(WRONG_PASSWORD, 'password'));
    await expect(changePassword(user, { currentPassword: `${p72}X`, newPassword: 'new password 1' })).rejects.toEqual(
      new ValidationError(WRONG_PASSWORD, 'currentPassword'),
    );
    await expect(changeEmail(user, { email: 'trunc@example.com', password: p72 })).resolves.toBeUndefined();
  });

  it('changes the e-mail with the password, refusing one that another user has', async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const otherEmail = `${other.username.toLowerCase()}@example.com`;
    await expect(changeEmail(user, { email: 'fresh@example.com', password: 'nope nope' })).rejects.toEqual(
      new ValidationError(WRONG_PASSWORD, 'password'),
    );
    await expect(changeEmail(user, { email: otherEmail, password: 'correct horse' })).rejects.toBeInstanceOf(ConflictError);
    await expect(changeEmail(user, { email: otherEmail, password: 'correct horse' })).rejects.toMatchObject({
      fields: { email: 'Please use a different email address.' },
    });
    await changeEmail(user, { email: 'fresh@example.com', password: 'correct horse' });
    expect((await getOwnAccount(user)).email).toBe('fresh@example.com');
    // Keeping one's own address is not a conflict.
    await expect(changeEmail(user, { email: 'fresh@example.com', password: 'correct horse' })).resolves.toBeUndefined();
  });

  it('signs out everywhere: every session ends, this one too, and the session version is bumped', async () => {
    const created = await createTestUser();
    const [first, second] = [await signInTestUser(created), await signInTestUser(created)];
    const before = await version(first.id);
    await signOutEverywhere(first);
    expect(await version(first.id)).toBe(before + 1);
    expect(await isLive(first)).toBe(false);
    expect(await isLive(second)).toBe(false);
  });

  it('refuses anonymous callers', async () => {
    await expect(signOutEverywhere(null)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(changePassword(null, { currentPassword: 'a', newPassword: 'b' })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(changeEmail(null, { email: 'a@example.com', password: 'b' })).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
