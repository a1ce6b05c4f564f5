import { describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { avatarOf, avatarUrl } from '../avatar';
import { ConflictError } from '../errors';
import { createTestUser, signInTestUser, tempDatabaseForThisFile } from '../testing';
import { getSessionUser } from './sessions';
import { registerUser, verifyCredentials } from './users';

const db = tempDatabaseForThisFile();

describe('registration and login', () => {
  it('hashes passwords: the right one signs in, a wrong one does not (reference test_password_hashing)', async () => {
    await registerUser({ username: 'cat', email: 'cat@example.com', password: 'meow meow' });
    expect(await verifyCredentials({ username: 'cat', password: 'woof woof' })).toBeNull();
    expect(await verifyCredentials({ username: 'cat', password: 'meow meow' })).toMatchObject({ username: 'cat' });

    const raw = createClient({ url: db.url });
    const { rows } = await raw.execute("select password_hash from user where username = 'cat'");
    raw.close();
    expect(String(rows[0].password_hash)).toMatch(/^\$2[aby]\$10\$/);
    expect(String(rows[0].password_hash)).not.toContain('meow');
  });

  it('looks usernames up case-insensitively at login', async () => {
    await registerUser({ username: 'Susan', email: 'susan@example.com', password: 'password1' });
    expect(await verifyCredentials({ username: 'SUSAN', password: 'password1' })).toMatchObject({ username: 'Susan' });
  });

  it('answers null for an unknown user', async () => {
    expect(await verifyCredentials({ username: 'nobody', password: 'whatever1' })).toBeNull();
  });

  it('refuses a taken username or e-mail whatever the case', async () => {
    await registerUser({ username: 'john', email: 'john@example.com', password: 'password1' });
    await expect(registerUser({ username: 'JOHN', email: 'other@example.com', password: 'password1' })).rejects.toEqual(
      new ConflictError('Please use a different username.', 'username'),
    );
    const taken = registerUser({ username: 'johnny', email: 'john@example.com', password: 'password1' });
    await expect(taken).rejects.toBeInstanceOf(ConflictError);
    await expect(taken).rejects.toMatchObject({ field: 'email', message: 'Please use a different email address.' });
  });

  it('lets exactly one of two racing registrations for a name win', async () => {
    const results = await Promise.allSettled([
      registerUser({ username: 'racer', email: 'racer1@example.com', password: 'password1' }),
      registerUser({ username: 'racer', email: 'racer2@example.com', password: 'password1' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ field: 'username', message: 'Please use a different username.' });
  });

  it('returns the session user with its session version', async () => {
    const viewer = await signInTestUser(await createTestUser());
    expect(await getSessionUser({ userId: viewer.id, sessionId: viewer.sessionId })).toEqual({
      id: viewer.id,
      username: viewer.username,
      sessionVersion: 0,
      lastSeen: null,
      unreadMessages: 0,
      unreadActivity: 0,
      sessionLastActive: expect.any(Date),
    });
    expect(await getSessionUser({ userId: 999_999, sessionId: viewer.sessionId })).toBeNull();
  });
});

describe('the 72-byte password rule (bcrypt compares only the first 72 bytes)', () => {
  const p72 = 'p'.repeat(72);
  // 18 four-byte emoji: 72 bytes of UTF-8 in 18 characters.
  const emoji72 = '\u{1F600}'.repeat(18);

  it('signs in with the exact 72-byte password and refuses anything longer that shares its first 72 bytes', async () => {
    await registerUser({ username: 'longpass', email: 'longpass@example.com', password: p72 });
    expect(await verifyCredentials({ username: 'longpass', password: p72 })).toMatchObject({ username: 'longpass' });
    expect(await verifyCredentials({ username: 'longpass', password: `${p72}X` })).toBeNull();
    expect(await verifyCredentials({ username: 'longpass', password: p72 + 'q'.repeat(900) })).toBeNull();
  });

  it('counts bytes, not characters: an emoji password plus one letter is refused', async () => {
    expect(Buffer.byteLength(emoji72, 'utf8')).toBe(72);
    await registerUser({ username: 'emojipass', email: 'emojipass@example.com', password: emoji72 });
    expect(await verifyCredentials({ username: 'emojipass', password: emoji72 })).toMatchObject({ username: 'emojipass' });
    expect(await verifyCredentials({ username: 'emojipass', password: `${emoji72}X` })).toBeNull();
  });

  it('refuses to store a password over 72 bytes', async () => {
    await expect(registerUser({ username: 'toolong', email: 'toolong@example.com', password: `${p72}X` })).rejects.toMatchObject({
      field: 'password',
    });
  });
});

describe('avatars', () => {
  it('builds the exact Gravatar URL of the reference with AVATAR_GRAVATAR=1 (test_avatar)', () => {
    process.env.AVATAR_GRAVATAR = '1';
    try {
      const john = { id: 1, email: 'john@example.com', avatarVersion: null };
      expect(avatarUrl(avatarOf(john), 128)).toBe('https://www.gravatar.com/avatar/d4c74594d841139328695756648b6bd6?d=identicon&s=128');
    } finally {
      delete process.env.AVATAR_GRAVATAR;
    }
  });
});
