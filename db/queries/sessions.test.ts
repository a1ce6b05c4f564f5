import { eq } from 'drizzle-orm';
import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { NotFoundError, UnauthenticatedError } from '../errors';
import { sessions, users } from '../schema';
import { createTestUser, getDb, signInTestUser, tempDatabaseForThisFile } from '../testing';
import {
  endSession,
  getSessionUser,
  isSessionLive,
  listSessions,
  revokeSession,
  SESSION_IDLE_LIMIT_MS,
  signInWithPassword,
  touchActivity,
} from './sessions';

const db = tempDatabaseForThisFile();

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
const key = (s: { id: number; sessionId: string }) => ({ userId: s.id, sessionId: s.sessionId });

describe('sessions', () => {
  it('a sign-in stores a row with a random id, the user agent, the address and Remember Me', async () => {
    const user = await createTestUser();
    const client = { userAgent: CHROME, clientAddress: '198.51.100.23', remember: true };
    const signedIn = await signInWithPassword({ username: user.username, password: 'correct horse' }, client);
    expect(signedIn).toMatchObject({ id: user.id, username: user.username, sessionId: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const [row] = await getDb().select().from(sessions).where(eq(sessions.id, signedIn!.sessionId));
    expect(row).toMatchObject({ userId: user.id, userAgent: CHROME, clientAddress: '198.51.100.23', remember: true });
    expect(await signInWithPassword({ username: user.username, password: 'wrong horse' }, client)).toBeNull();
  });

  it('the per-request read needs the live session of that very user', async () => {
    const [alice, bob] = [await createTestUser(), await createTestUser()];
    const session = await signInTestUser(alice);
    expect(await getSessionUser(key(session))).toMatchObject({ id: alice.id, username: alice.username });
    expect(await getSessionUser({ userId: bob.id, sessionId: session.sessionId })).toBeNull();
    expect(await getSessionUser({ userId: alice.id, sessionId: 'x'.repeat(43) })).toBeNull();
  });

  it('logout (endSession) ends the session: its cookie reads as signed out from then on', async () => {
    const user = await createTestUser();
    const [here, there] = [await signInTestUser(user), await signInTestUser(user)];
    await endSession(key(here));
    expect(await getSessionUser(key(here))).toBeNull();
    expect(await isSessionLive(key(here))).toBe(false);
    expect(await getSessionUser(key(there))).not.toBeNull();
    // Ending it again is harmless.
    await expect(endSession(key(here))).resolves.toBeUndefined();
  });

  it('a session unused for 30 days has ended, and the next sign-in deletes its row', async () => {
    const user = await createTestUser();
    const longAgo = new Date(Date.now() - SESSION_IDLE_LIMIT_MS - 60_000);
    const old = await signInTestUser(user, { now: longAgo });
    expect(await getSessionUser(key(old))).toBeNull();
    expect(await isSessionLive(key(old))).toBe(false);
    expect((await listSessions(old)).map((s) => s.id)).not.toContain(old.sessionId);
    await signInTestUser(user);
    expect(await getDb().select().from(sessions).where(eq(sessions.id, old.sessionId))).toEqual([]);
  });

  it('lists the viewer’s sessions with an approximate address and marks this device', async () => {
    const user = await createTestUser();
    const phone = await signInTestUser(user, { client: { userAgent: 'Phone', clientAddress: '2001:db8:5:77::1' } });
    const laptop = await signInTestUser(user, { client: { userAgent: CHROME, clientAddress: '203.0.113.77', remember: true } });
    const list = await listSessions(laptop);
    expect(list).toHaveLength(2);
    expect(list.find((s) => s.id === laptop.sessionId)).toMatchObject({
      userAgent: CHROME,
      approximateAddress: '203.0.113.0/24',
      remember: true,
      current: true,
      createdAt: expect.stringMatching(/Z$/),
      lastActive: expect.stringMatching(/Z$/),
    });
    expect(list.find((s) => s.id === phone.sessionId)).toMatchObject({ approximateAddress: '2001:db8:5::/48', current: false });
    // The full address never leaves the data layer.
    expect(JSON.stringify(list)).not.toContain('203.0.113.77');
    await expect(listSessions(null)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('only the owner can sign a session out', async () => {
    const [alice, mallory] = [await createTestUser(), await createTestUser()];
    const alices = await signInTestUser(alice);
    const mallorys = await signInTestUser(mallory);
    await expect(revokeSession(mallorys, alices.sessionId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getSessionUser(key(alices))).not.toBeNull();
    await expect(revokeSession(null, alices.sessionId)).rejects.toBeInstanceOf(UnauthenticatedError);

    const second = await signInTestUser(alice);
    await revokeSession(second, alices.sessionId);
    expect(await getSessionUser(key(alices))).toBeNull();
    expect(await getSessionUser(key(second))).not.toBeNull();
    await expect(revokeSession(second, alices.sessionId)).rejects.toEqual(new NotFoundError('That session has already ended.'));
  });

  it('writes activity at most once a minute: last seen and the session’s last active together', async () => {
    const user = await createTestUser();
    const session = await signInTestUser(user, { now: new Date(Date.now() - 5 * 60_000) });
    const read = async () => {
      const raw = createClient({ url: db.url });
      const { rows } = await raw.execute({
        sql: 'select u.last_seen, s.last_active from user u join session s on s.user_id = u.id where s.id = ?',
        args: [session.sessionId],
      });
      raw.close();
      return { lastSeen: Number(rows[0].last_seen), lastActive: Number(rows[0].last_active) };
    };
    const t0 = new Date();
    await touchActivity(session, t0);
    expect(await read()).toEqual({ lastSeen: t0.getTime(), lastActive: t0.getTime() });
    await touchActivity(session, new Date(t0.getTime() + 30_000));
    expect(await read()).toEqual({ lastSeen: t0.getTime(), lastActive: t0.getTime() });
    const t1 = new Date(t0.getTime() + 61_000);
    await touchActivity(session, t1);
    expect(await read()).toEqual({ lastSeen: t1.getTime(), lastActive: t1.getTime() });
  });

  it('a deleted user takes their sessions along (foreign key cascade)', async () => {
    const user = await createTestUser();
    const session = await signInTestUser(user);
    await getDb().delete(users).where(eq(users.id, user.id));
    expect(await getDb().select().from(sessions).where(eq(sessions.id, session.sessionId))).toEqual([]);
  });
});
