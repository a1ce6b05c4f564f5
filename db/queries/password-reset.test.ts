import { describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { NotFoundError } from '../errors';
import type { MailMessage } from '../mail/transport';
import { createTestUser, signInTestUser, tempDatabaseForThisFile } from '../testing';
import type { Viewer } from '../viewer';
import { INVALID_RESET_LINK, hashResetToken, isPasswordResetTokenValid, requestPasswordReset, resetPassword, RESET_TOKEN_TTL_MS } from './password-reset';
import { changeEmail, changePassword } from './account';
import { getSessionUser } from './sessions';
import { verifyCredentials } from './users';

const db = tempDatabaseForThisFile();

const ORIGIN = 'http://app.example:3000';

/** Requests a reset and returns the mail that would have gone out (and the token in its link). */
async function requestFor(user: Viewer, now = new Date()) {
  const sent: MailMessage[] = [];
  await requestPasswordReset({ email: `${user.username.toLowerCase()}@example.com`, origin: ORIGIN }, { now, send: (m) => sent.push(m) });
  expect(sent).toHaveLength(1);
  const match = /http:\/\/app\.example:3000\/reset-password\/([A-Za-z0-9_-]{43})/.exec(sent[0].text);
  expect(match).not.toBeNull();
  return { mail: sent[0], token: match![1] };
}

const invalidLink = new NotFoundError(INVALID_RESET_LINK);

describe('password reset', () => {
  it('mails the user an absolute single-use link; the new password works and the old one does not', async () => {
    const user = await createTestUser();
    const { mail, token } = await requestFor(user);
    expect(mail.to).toBe(`${user.username.toLowerCase()}@example.com`);
    expect(mail.subject).toBe('[Microblog] Reset Your Password');
    expect(mail.text).toContain(`Dear ${user.username},`);
    expect(mail.html).toContain(`href="${ORIGIN}/reset-password/${token}"`);

    expect(await isPasswordResetTokenValid(token)).toBe(true);
    await expect(resetPassword({ token, password: 'brand new pass' })).resolves.toEqual({ username: user.username });
    expect(await verifyCredentials({ username: user.username, password: 'brand new pass' })).not.toBeNull();
    expect(await verifyCredentials({ username: user.username, password: 'correct horse' })).toBeNull();
  });

  it('stores only a hash of the token', async () => {
    const user = await createTestUser();
    const { token } = await requestFor(user);
    const raw = createClient({ url: db.url });
    const { rows } = await raw.execute({ sql: 'select token_hash from password_reset where user_id = ?', args: [user.id] });
    raw.close();
    expect(rows.map((r) => r.token_hash)).toEqual([hashResetToken(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('works only once', async () => {
    const user = await createTestUser();
    const { token } = await requestFor(user);
    await resetPassword({ token, password: 'first new pass' });
    expect(await isPasswordResetTokenValid(token)).toBe(false);
    await expect(resetPassword({ token, password: 'second new pass' })).rejects.toEqual(invalidLink);
    expect(await verifyCredentials({ username: user.username, password: 'first new pass' })).not.toBeNull();
  });

  it('two racing submissions of one link: exactly one wins', async () => {
    const user = await createTestUser();
    const { token } = await requestFor(user);
    const results = await Promise.allSettled([resetPassword({ token, password: 'racer one 1' }), resetPassword({ token, password: 'racer two 2' })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('expires after 10 minutes', async () => {
    const user = await createTestUser();
    const issued = new Date('2030-01-01T12:00:00Z');
    const { token } = await requestFor(user, issued);
    const justBefore = new Date(issued.getTime() + RESET_TOKEN_TTL_MS - 1);
    const atExpiry = new Date(issued.getTime() + RESET_TOKEN_TTL_MS);
    expect(await isPasswordResetTokenValid(token, justBefore)).toBe(true);
    expect(await isPasswordResetTokenValid(token, atExpiry)).toBe(false);
    await expect(resetPassword({ token, password: 'too late pass' }, atExpiry)).rejects.toEqual(invalidLink);
    await expect(resetPassword({ token, password: 'just in time' }, justBefore)).resolves.toEqual({ username: user.username });
  });

  it('refuses forged, altered and malformed tokens', async () => {
    const user = await createTestUser();
    const { token } = await requestFor(user);
    const forged = Buffer.alloc(32, 7).toString('base64url');
    const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const bad of [forged, altered, '', 'short', `${token}x`, '../../etc/passwd']) {
      expect(await isPasswordResetTokenValid(bad)).toBe(false);
      await expect(resetPassword({ token: bad, password: 'forged pass 1' })).rejects.toEqual(invalidLink);
    }
    expect(await isPasswordResetTokenValid(token)).toBe(true);
  });

  it('ends every session of the user and voids their other links', async () => {
    const user = await createTestUser();
    const session = await signInTestUser(user);
    const before = (await getSessionUser({ userId: user.id, sessionId: session.sessionId }))!.sessionVersion;
    const first = await requestFor(user);
    const second = await requestFor(user);
    await resetPassword({ token: second.token, password: 'rotated pass 1' });
    expect(await getSessionUser({ userId: user.id, sessionId: session.sessionId })).toBeNull();
    const after = await signInTestUser(user, { password: 'rotated pass 1' });
    expect((await getSessionUser({ userId: user.id, sessionId: after.sessionId }))!.sessionVersion).toBe(before + 1);
    expect(await isPasswordResetTokenValid(first.token)).toBe(false);
    await expect(resetPassword({ token: first.token, password: 'stale link 1' })).rejects.toEqual(invalidLink);
  });

  it('an e-mail change voids every unused link (one mailed to the old address cannot set a password)', async () => {
    const user = await createTestUser();
    const { token } = await requestFor(user);
    await changeEmail(user, { email: `new-${user.username.toLowerCase()}@example.com`, password: 'correct horse' });
    expect(await isPasswordResetTokenValid(token)).toBe(false);
    await expect(resetPassword({ token, password: 'hijacked pass' })).rejects.toEqual(invalidLink);
    expect(await verifyCredentials({ username: user.username, password: 'correct horse' })).not.toBeNull();
  });

  it('a password change voids every unused link', async () => {
    const user = await createTestUser();
    const { token } = await requestFor(user);
    await changePassword(user, { currentPassword: 'correct horse', newPassword: 'changed pass 1' });
    expect(await isPasswordResetTokenValid(token)).toBe(false);
    await expect(resetPassword({ token, password: 'hijacked pass' })).rejects.toEqual(invalidLink);
    expect(await verifyCredentials({ username: user.username, password: 'changed pass 1' })).not.toBeNull();
  });

  it('refuses a new password over 72 bytes and keeps the link', async () => {
    const user = await createTestUser();
    const { token } = await requestFor(user);
    await expect(resetPassword({ token, password: 'p'.repeat(73) })).rejects.toMatchObject({ field: 'password' });
    expect(await isPasswordResetTokenValid(token)).toBe(true);
  });

  it('sends nothing for an unknown e-mail, and says nothing about it either', async () => {
    const sent: MailMessage[] = [];
    await expect(
      requestPasswordReset({ email: 'nobody-here@example.com', origin: ORIGIN }, { send: (m) => sent.push(m) }),
    ).resolves.toBeUndefined();
    expect(sent).toEqual([]);
  });

  it('a deleted user takes their links along (foreign key cascade)', async () => {
    const user = await createTestUser();
    const { token } = await requestFor(user);
    const raw = createClient({ url: db.url });
    await raw.execute('PRAGMA foreign_keys = ON');
    await raw.execute({ sql: 'delete from user where id = ?', args: [user.id] });
    raw.close();
    expect(await isPasswordResetTokenValid(token)).toBe(false);
  });
});
