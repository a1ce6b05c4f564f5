import { describe, expect, it } from 'vitest';
import { ConflictError, UnauthenticatedError, ValidationError } from '../errors';
import { createTestUser, tempDatabaseForThisFile } from '../testing';
import { changeEmail, changePassword, signOutEverywhere, WRONG_PASSWORD } from './account';
import { getOwnAccount } from './profiles';
import { getSessionUser, verifyCredentials } from './users';

tempDatabaseForThisFile();

const version = async (id: number) => (await getSessionUser(id))!.sessionVersion;

describe('account settings', () => {
  it('changes the password only with the current one, and ends the other sessions', async () => {
    const user = await createTestUser();
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

  it('signs out everywhere by bumping the session version', async () => {
    const user = await createTestUser();
    const before = await version(user.id);
    await signOutEverywhere(user);
    expect(await version(user.id)).toBe(before + 1);
  });

  it('refuses anonymous callers', async () => {
    await expect(signOutEverywhere(null)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(changePassword(null, { currentPassword: 'a', newPassword: 'b' })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(changeEmail(null, { email: 'a@example.com', password: 'b' })).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
