import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../client';
import { UnauthenticatedError } from '../errors';
import { notifications } from '../schema';
import { createTestUser, tempDatabaseForThisFile } from '../testing';
import { sendMessage } from './messages';
import { latestNotificationStamp, listNotificationsSince, notificationsAfter, setNotification, UNREAD_MESSAGE_COUNT } from './notifications';

tempDatabaseForThisFile();

const json = (value: unknown) => sql`${JSON.stringify(value)}`;

describe('notifications', () => {
  it('keep one row per user and name, with stamps that strictly increase even within one millisecond', async () => {
    const me = await createTestUser();
    // One batch is one transaction: all four stamps are computed in the same millisecond.
    await getDb().batch([
      setNotification(me.id, 'a', json(1)),
      setNotification(me.id, 'b', json(2)),
      setNotification(me.id, 'a', json(3)),
      setNotification(me.id, 'a', json(4)),
    ]);
    const rows = await getDb().select().from(notifications).where(sql`${notifications.userId} = ${me.id}`).orderBy(notifications.timestamp);
    expect(rows.map((r) => [r.name, r.payloadJson])).toEqual([
      ['b', '2'],
      ['a', '4'],
    ]);
    expect(rows[1].timestamp).toBeGreaterThan(rows[0].timestamp);
    // "a" was written 3 times after "b"'s stamp was taken: its stamp moved past b's by those writes.
    expect(rows[1].timestamp - rows[0].timestamp).toBeGreaterThanOrEqual(2);
    expect(await latestNotificationStamp()).toBe(rows[1].timestamp);
  });

  it('serve /notifications?since: the latest value of each name newer than since, oldest first, only the viewer’s', async () => {
    const [me, friend, other] = [await createTestUser(), await createTestUser(), await createTestUser()];
    expect(await listNotificationsSince(me, 0)).toEqual([]);

    await sendMessage(friend, { recipient: me.username, body: 'one' });
    await sendMessage(friend, { recipient: me.username, body: 'two' });
    await sendMessage(friend, { recipient: other.username, body: 'not yours' });
    await getDb().batch([setNotification(me.id, 'task_progress', json({ task_id: 't1', progress: 40 }))]);

    const all = await listNotificationsSince(me, 0);
    expect(all.map(({ name, data }) => ({ name, data }))).toEqual([
      { name: UNREAD_MESSAGE_COUNT, data: 2 },
      { name: 'task_progress', data: { task_id: 't1', progress: 40 } },
    ]);
    // `timestamp` is seconds (the reference's float), and since is exclusive.
    expect(all[0].timestamp).toBeLessThan(all[1].timestamp);
    expect(Math.abs(all[0].timestamp - Date.now() / 1000)).toBeLessThan(60);
    expect(await listNotificationsSince(me, Math.round(all[0].timestamp * 1000))).toEqual([all[1]]);
    expect(await listNotificationsSince(me, Math.round(all[1].timestamp * 1000))).toEqual([]);

    // A newer value replaces the old one and moves to the end.
    await sendMessage(friend, { recipient: me.username, body: 'three' });
    const after = await listNotificationsSince(me, Math.round(all[1].timestamp * 1000));
    expect(after.map(({ name, data }) => ({ name, data }))).toEqual([{ name: UNREAD_MESSAGE_COUNT, data: 3 }]);

    expect(await listNotificationsSince(other, 0)).toMatchObject([{ name: UNREAD_MESSAGE_COUNT, data: 1 }]);
    await expect(listNotificationsSince(null, 0)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('feed instances with every user’s rows after a stamp, oldest first', async () => {
    const start = await latestNotificationStamp();
    const [a, b] = [await createTestUser(), await createTestUser()];
    await sendMessage(a, { recipient: b.username, body: 'hi' });
    await sendMessage(b, { recipient: a.username, body: 'hello' });
    const rows = await notificationsAfter(start);
    expect(rows.map((r) => [r.userId, r.name, r.data])).toEqual([
      [b.id, UNREAD_MESSAGE_COUNT, 1],
      [a.id, UNREAD_MESSAGE_COUNT, 1],
    ]);
    expect(rows[0].stampMs).toBeLessThan(rows[1].stampMs);
    expect(rows[1].timestamp).toBe(rows[1].stampMs / 1000);
  });
});
