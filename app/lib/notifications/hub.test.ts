import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, queryCount } from '@/db/client';
import { sendMessage } from '@/db/queries/messages';
import { NOTIFICATION_BATCH, setNotification, UNREAD_MESSAGE_COUNT, type StoredNotification } from '@/db/queries/notifications';
import { endSession } from '@/db/queries/sessions';
import { createTestUser, signInTestUser, tempDatabaseForThisFile } from '@/db/testing';
import { createNotificationHub, type NotificationHub } from './hub';

tempDatabaseForThisFile();

const INTERVAL_MS = 20;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Collects what a subscriber of `userId` receives; `next(n)` waits until it holds n notifications. */
function collect(hub: NotificationHub, userId: number, sessionId?: string) {
  const received: StoredNotification[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let markEnded: () => void = () => {};
  // Resolves when the hub ends this subscriber because its session is gone.
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  const session = sessionId ? { id: sessionId, onEnded: () => markEnded() } : undefined;
  const unsubscribe = hub.subscribe(
    userId,
    (n) => {
      received.push(n);
      for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve();
    },
    session,
  );
  const next = (count: number) =>
    received.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve }));
  return { received, next, unsubscribe, ended };
}

/** Over ten intervals of a polling hub: some queries, at most one per interval (timers only ever fire late), not one per subscriber. */
async function expectOneQueryPerPoll() {
  const polling = queryCount();
  const started = performance.now();
  await pause(10 * INTERVAL_MS);
  const polls = queryCount() - polling;
  expect(polls).toBeGreaterThan(0);
  expect(polls).toBeLessThanOrEqual(Math.ceil((performance.now() - started) / INTERVAL_MS) + 1);
}

describe('notification hub', () => {
  it('delivers a message notification to the recipient’s subscribers only, once', async () => {
    const [alice, bob, carol] = [await createTestUser(), await createTestUser(), await createTestUser()];
    const hub = createNotificationHub({ intervalMs: INTERVAL_MS });
    const bobs = collect(hub, bob.id);
    const carols = collect(hub, carol.id);
    await hub.ready();

    await sendMessage(alice, { recipient: bob.username, body: 'hi' });
    await bobs.next(1);
    expect(bobs.received).toMatchObject([{ userId: bob.id, name: UNREAD_MESSAGE_COUNT, data: 1 }]);

    await sendMessage(alice, { recipient: bob.username, body: 'again' });
    await bobs.next(2);
    expect(bobs.received.map((n) => n.data)).toEqual([1, 2]);
    expect(bobs.received[1].stampMs).toBeGreaterThan(bobs.received[0].stampMs);
    expect(carols.received).toEqual([]);
    bobs.unsubscribe();
    carols.unsubscribe();
  });

  it('starts at the newest stamp: what was written before it started is not replayed', async () => {
    const [alice, bob] = [await createTestUser(), await createTestUser()];
    await sendMessage(alice, { recipient: bob.username, body: 'old news' });
    const hub = createNotificationHub({ intervalMs: INTERVAL_MS });
    const bobs = collect(hub, bob.id);
    await hub.ready();
    await sendMessage(alice, { recipient: bob.username, body: 'new' });
    await bobs.next(1);
    expect(bobs.received.map((n) => n.data)).toEqual([2]);
    bobs.unsubscribe();
  });

  it('two instances (two hubs reading one database) both deliver a write', async () => {
    const [alice, bob] = [await createTestUser(), await createTestUser()];
    const first = createNotificationHub({ intervalMs: INTERVAL_MS });
    const second = createNotificationHub({ intervalMs: INTERVAL_MS });
    const onFirst = collect(first, bob.id);
    const onSecond = collect(second, bob.id);
    await Promise.all([first.ready(), second.ready()]);
    // Written without poking either hub, as another instance would: each finds it on its next poll.
    await sendMessage(alice, { recipient: bob.username, body: 'hi' });
    await Promise.all([onFirst.next(1), onSecond.next(1)]);
    expect(onFirst.received).toEqual(onSecond.received);
    onFirst.unsubscribe();
    onSecond.unsubscribe();
  });

  it('makes one query per poll however many subscribe, and none once the last one leaves', async () => {
    const hub = createNotificationHub({ intervalMs: INTERVAL_MS });
    const before = queryCount();
    await pause(5 * INTERVAL_MS);
    expect(queryCount()).toBe(before); // nobody subscribed: no polling at all

    const users = await Promise.all(Array.from({ length: 5 }, () => createTestUser()));
    const sender = await createTestUser();
    const subscriptions = users.flatMap((u) => [collect(hub, u.id), collect(hub, u.id)]);
    expect(hub.subscriberCount).toBe(10);
    await hub.ready();
    await expectOneQueryPerPoll();

    await sendMessage(sender, { recipient: users[0].username, body: 'last one' });
    await subscriptions[0].next(1);
    for (const s of subscriptions) s.unsubscribe();
    expect(hub.subscriberCount).toBe(0);
    const stopped = queryCount();
    await pause(10 * INTERVAL_MS);
    expect(queryCount()).toBe(stopped);
  });

  it('reads a backlog larger than one batch without waiting for the next tick', async () => {
    const me = await createTestUser();
    // A long interval: only the poke and the full-batch re-poll can deliver in time.
    const hub = createNotificationHub({ intervalMs: 60_000 });
    const mine = collect(hub, me.id);
    await hub.ready();
    const count = NOTIFICATION_BATCH + 20;
    const [first, ...rest] = Array.from({ length: count }, (_, i) => setNotification(me.id, `n${i}`, sql`${String(i)}`));
    await getDb().batch([first, ...rest]);
    hub.poke();
    await mine.next(count);
    expect(mine.received.map((n) => n.name)).toEqual(Array.from({ length: count }, (_, i) => `n${i}`));
    mine.unsubscribe();
  });

  it('ends the subscribers of a signed-out session: at once where it was signed out (poke), within a poll elsewhere', async () => {
    const [alice, bob] = [await createTestUser(), await createTestUser()];
    const [bobsLaptop, bobsPhone] = [await signInTestUser(bob), await signInTestUser(bob)];
    // The instance that signs the session out polls rarely: only its poke can end the stream in time.
    const here = createNotificationHub({ intervalMs: 60_000 });
    const elsewhere = createNotificationHub({ intervalMs: INTERVAL_MS });
    const laptopHere = collect(here, bob.id, bobsLaptop.sessionId);
    const laptopElsewhere = collect(elsewhere, bob.id, bobsLaptop.sessionId);
    const phoneElsewhere = collect(elsewhere, bob.id, bobsPhone.sessionId);
    await Promise.all([here.ready(), elsewhere.ready()]);

    await endSession({ userId: bob.id, sessionId: bobsLaptop.sessionId });
    here.poke();
    // Well before `here`'s next tick (a minute away): only the poke can have ended it there.
    await Promise.all([laptopHere.ended, laptopElsewhere.ended]);
    expect(here.subscriberCount).toBe(0); // the hub unsubscribed it (and stopped: nobody else listens here)
    expect(elsewhere.subscriberCount).toBe(1);

    // The phone's session goes on and still gets messages; the laptop's got nothing more.
    await sendMessage(alice, { recipient: bob.username, body: 'after the sign-out' });
    await phoneElsewhere.next(1);
    expect(laptopHere.received).toEqual([]);
    expect(laptopElsewhere.received).toEqual([]);
    phoneElsewhere.unsubscribe();
  });

  it('checks its streams’ sessions in the same round trip as its poll', async () => {
    const user = await createTestUser();
    const sessions = await Promise.all([signInTestUser(user), signInTestUser(user)]);
    const hub = createNotificationHub({ intervalMs: INTERVAL_MS });
    const subscriptions = sessions.map((s) => collect(hub, user.id, s.sessionId));
    await hub.ready();
    await expectOneQueryPerPoll();
    for (const s of subscriptions) s.unsubscribe();
  });
});
