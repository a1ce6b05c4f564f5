import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../client';
import { NotFoundError, UnauthenticatedError, ValidationError } from '../errors';
import { messages, notifications } from '../schema';
import { createTestUser, signInTestUser, tempDatabaseForThisFile } from '../testing';
import { listMessages, markMessagesRead, sendMessage } from './messages';
import { listNotificationsSince, UNREAD_MESSAGE_COUNT } from './notifications';
import { getSessionUser } from './sessions';
import type { Viewer } from '../viewer';

tempDatabaseForThisFile();

const sessionIds = new Map<number, string>();
/** The badge's count, as the per-request session read returns it (one session per user, made on first use). */
async function badge(viewer: Viewer): Promise<number> {
  let sessionId = sessionIds.get(viewer.id);
  if (!sessionId) sessionIds.set(viewer.id, (sessionId = (await signInTestUser(viewer)).sessionId));
  return (await getSessionUser({ userId: viewer.id, sessionId }))!.unreadMessages;
}

describe('private messages', () => {
  it('counts unread messages until the inbox is opened, on the badge and in the notification', async () => {
    const [alice, bob] = [await createTestUser(), await createTestUser()];
    expect(await badge(bob)).toBe(0);
    await sendMessage(alice, { recipient: bob.username, body: 'hi' });
    await sendMessage(alice, { recipient: bob.username.toUpperCase(), body: 'are you there?' });
    expect(await badge(bob)).toBe(2);
    expect(await badge(alice)).toBe(0);
    expect(await listNotificationsSince(bob, 0)).toEqual([{ name: UNREAD_MESSAGE_COUNT, data: 2, timestamp: expect.any(Number) }]);

    const inbox = await listMessages(bob);
    expect(inbox.messages.map((m) => [m.body, m.sender.username, m.unread])).toEqual([
      ['are you there?', alice.username, true],
      ['hi', alice.username, true],
    ]);
    await markMessagesRead(bob, new Date(inbox.messages[0].timestamp));
    expect(await badge(bob)).toBe(0);
    expect((await listNotificationsSince(bob, 0)).map((n) => n.data)).toEqual([0]);
    expect((await listMessages(bob)).messages.every((m) => !m.unread)).toBe(true);

    await sendMessage(alice, { recipient: bob.username, body: 'one more' });
    expect(await badge(bob)).toBe(1);
  });

  it('keeps a message that arrived after the inbox was shown unread', async () => {
    const [alice, bob] = [await createTestUser(), await createTestUser()];
    await sendMessage(alice, { recipient: bob.username, body: 'first' });
    const shown = (await listMessages(bob)).messages[0];
    // Arrives while the page renders: a later millisecond than the one shown.
    const later = new Date(new Date(shown.timestamp).getTime() + 1);
    await getDb().insert(messages).values({ senderId: alice.id, recipientId: bob.id, body: 'second', timestamp: later });
    await markMessagesRead(bob, new Date(shown.timestamp));
    expect(await badge(bob)).toBe(1);
    expect((await listMessages(bob)).messages.map((m) => [m.body, m.unread])).toEqual([
      ['second', true],
      ['first', false],
    ]);
  });

  it('replaces the notification (one row per user and name) with strictly increasing stamps, and writes nothing for an already read inbox', async () => {
    const [alice, bob] = [await createTestUser(), await createTestUser()];
    const stamps: number[] = [];
    for (let i = 0; i < 5; i++) {
      await sendMessage(alice, { recipient: bob.username, body: `m${i}` });
      const rows = await getDb().select().from(notifications).where(eq(notifications.userId, bob.id));
      expect(rows).toHaveLength(1);
      expect(JSON.parse(rows[0].payloadJson)).toBe(i + 1);
      stamps.push(rows[0].timestamp);
    }
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]).toBeGreaterThan(stamps[i - 1]);

    const [newest] = (await listMessages(bob)).messages;
    const announced = await markMessagesRead(bob, new Date(newest.timestamp));
    const [afterRead] = await listNotificationsSince(bob, 0);
    expect(announced).toEqual({ count: 0, stampMs: Math.round(afterRead.timestamp * 1000) });
    expect(await markMessagesRead(bob, new Date(newest.timestamp))).toBeNull();
    expect(await listNotificationsSince(bob, 0)).toEqual([afterRead]);
    // `since` is exclusive: a client that saw this stamp gets nothing more.
    expect(await listNotificationsSince(bob, afterRead.timestamp * 1000)).toEqual([]);
  });

  it('shows each user only the messages sent to them', async () => {
    const [alice, bob, carol] = [await createTestUser(), await createTestUser(), await createTestUser()];
    await sendMessage(alice, { recipient: bob.username, body: 'for bob only' });
    await sendMessage(bob, { recipient: alice.username, body: 'for alice only' });
    expect((await listMessages(carol)).messages).toEqual([]);
    expect((await listMessages(alice)).messages.map((m) => m.body)).toEqual(['for alice only']);
    expect((await listMessages(bob)).messages.map((m) => m.body)).toEqual(['for bob only']);
    expect(await listNotificationsSince(carol, 0)).toEqual([]);
    await expect(listMessages(null)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(listNotificationsSince(null, 0)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('refuses messages to oneself, to unknown users and from anonymous callers', async () => {
    const me = await createTestUser();
    await expect(sendMessage(me, { recipient: me.username, body: 'me' })).rejects.toEqual(new ValidationError('You cannot send a message to yourself.'));
    await expect(sendMessage(me, { recipient: 'no-such-user', body: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(sendMessage(null, { recipient: me.username, body: 'x' })).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await getDb().select().from(messages).where(eq(messages.senderId, me.id))).toEqual([]);
  });

  it('pages the inbox with keyset cursors, 25 at a time, both ways', async () => {
    const [alice, bob] = [await createTestUser(), await createTestUser()];
    const base = Date.now() - 60_000;
    await getDb()
      .insert(messages)
      .values(Array.from({ length: 30 }, (_, i) => ({ senderId: alice.id, recipientId: bob.id, body: `m${i}`, timestamp: new Date(base + i) })));
    const first = await listMessages(bob);
    expect(first.messages).toHaveLength(25);
    expect(first.messages[0].body).toBe('m29');
    expect(first.newerCursor).toBeNull();
    const second = await listMessages(bob, { before: first.olderCursor });
    expect(second.messages.map((m) => m.body)).toEqual(['m4', 'm3', 'm2', 'm1', 'm0']);
    expect(second.olderCursor).toBeNull();
    const back = await listMessages(bob, { after: second.newerCursor });
    expect(back.messages.map((m) => m.body)).toEqual(first.messages.map((m) => m.body));
    expect((await listMessages(bob, { before: 'garbage' })).messages[0].body).toBe('m29');
  });
});
