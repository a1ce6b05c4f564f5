import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { getDb, withBusyDeadline } from './client';
import { retryDelayMs } from './write-lock';
import { BUSY_MESSAGE, domainErrorOf, NOT_SAVED_MESSAGE, StorageError, UnavailableError } from './errors';
import { sendMessage } from './queries/messages';
import { createPost } from './queries/posts';
import { touchActivity } from './queries/sessions';
import { createTestUser, openTempDatabase } from './testing';

// Waiting for a locked database file: asynchronous retries up to DATABASE_BUSY_TIMEOUT_MS, while the
// event loop keeps serving everything else (db/client.ts, architecture.md section 12).
let db: Awaited<ReturnType<typeof openTempDatabase>>;
beforeAll(async () => {
  process.env.DATABASE_BUSY_TIMEOUT_MS = '1500';
  db = await openTempDatabase();
});
afterAll(() => {
  delete process.env.DATABASE_BUSY_TIMEOUT_MS;
  db.cleanup();
});

/** Another connection takes the write lock (BEGIN IMMEDIATE), as a second process would. */
async function holdWriteLock(): Promise<{ release: () => Promise<void> }> {
  const locker: Client = createClient({ url: db.url });
  const lock = await locker.transaction('write');
  return {
    release: async () => {
      await lock.rollback();
      locker.close();
    },
  };
}

async function count(table: string, where: string, args: (string | number)[]): Promise<number> {
  const reader = createClient({ url: db.url });
  const { rows } = await reader.execute({ sql: `select count(*) as n from ${table} where ${where}`, args });
  reader.close();
  return Number(rows[0].n);
}

/** The longest delay of a 10 ms interval timer while `work` runs: how long the event loop was blocked. */
async function maxTimerLagMs(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return worst;
}

describe('a write that meets a locked database (file databases only)', () => {
  it('waits without blocking the event loop and succeeds once the lock is released', async () => {
    const author = await createTestUser();
    const lock = await holdWriteLock();
    const released = new Promise<void>((resolve) => setTimeout(() => void lock.release().then(resolve), 400));
    const started = performance.now();
    const lag = await maxTimerLagMs(() => createPost(author, { body: 'waited for the lock' }));
    await released;
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    // The driver does not wait (timeout 0); the waiting is timers. A driver that waited for the lock
    // would block the loop for the whole 400 ms; the margin is for a loaded machine.
    expect(lag).toBeLessThan(100);
    expect(await count('post', 'body = ?', ['waited for the lock'])).toBe(1);
  });

  it('a timer set while a write waits fires on time', async () => {
    const author = await createTestUser();
    const lock = await holdWriteLock();
    const write = createPost(author, { body: 'timer check' });
    const firedLate = await new Promise<number>((resolve) => {
      const due = performance.now() + 50;
      setTimeout(() => resolve(performance.now() - due), 50);
    });
    await lock.release();
    await write;
    // Held up by the whole deadline (1.5 s) if the wait blocked the event loop.
    expect(firedLate).toBeLessThan(100);
  });

  it('gives up at the deadline with UnavailableError ("busy"), writes nothing, and later writes land exactly once', async () => {
    const author = await createTestUser();
    const lock = await holdWriteLock();
    const started = performance.now();
    const failure = await createPost(author, { body: 'never written' }).catch((error: unknown) => error);
    const waited = performance.now() - started;
    await lock.release();
    const domain = domainErrorOf(failure);
    expect(domain).toBeInstanceOf(UnavailableError);
    expect(domain).not.toBeInstanceOf(StorageError);
    expect(domain?.message).toBe(BUSY_MESSAGE);
    expect(waited).toBeGreaterThanOrEqual(1400);
    expect(waited).toBeLessThan(2500);
    for (let i = 0; i < 5; i++) await createPost(author, { body: 'after the deadline' });
    expect(await count('post', 'body = ?', ['never written'])).toBe(0);
    expect(await count('post', 'body = ?', ['after the deadline'])).toBe(5);
  });

  it('retries a batch (message plus unread count) as a whole: one message, one notification', async () => {
    const sender = await createTestUser();
    const recipient = await createTestUser();
    const lock = await holdWriteLock();
    setTimeout(() => void lock.release(), 200);
    await sendMessage(sender, { recipient: recipient.username, body: 'sent during a lock' });
    expect(await count('message', 'body = ?', ['sent during a lock'])).toBe(1);
    expect(await count('notification', 'user_id = ?', [recipient.id])).toBe(1);
  });

  it('many writers waiting on one lock all land exactly once after it is released', async () => {
    const author = await createTestUser();
    const lock = await holdWriteLock();
    setTimeout(() => void lock.release(), 300);
    await Promise.all(Array.from({ length: 20 }, (_, i) => createPost(author, { body: `queued ${i}` })));
    expect(await count('post', "body like 'queued %'", [])).toBe(20);
    expect(await count('post', 'user_id = ?', [author.id])).toBe(20);
  });

  it('withBusyDeadline(0) tries once and fails fast', async () => {
    const author = await createTestUser();
    const lock = await holdWriteLock();
    const started = performance.now();
    const failure = await withBusyDeadline(0, () => createPost(author, { body: 'fast fail' })).catch((error: unknown) => error);
    const waited = performance.now() - started;
    await lock.release();
    expect(domainErrorOf(failure)).toBeInstanceOf(UnavailableError);
    expect(waited).toBeLessThan(100);
  });

  it('jitters the backoff between half and all of a ceiling that doubles up to 100 ms', () => {
    expect(retryDelayMs(0, () => 0)).toBe(3);
    expect(retryDelayMs(0, () => 1)).toBe(5);
    expect(retryDelayMs(3, () => 1)).toBe(40);
    expect(retryDelayMs(10, () => 0)).toBe(50);
    expect(retryDelayMs(10, () => 1)).toBe(100);
  });
});

describe('"last seen" is best-effort (file databases only)', () => {
  it('skips the write during a lock, without waiting and without an error', async () => {
    const me = await createTestUser();
    const lock = await holdWriteLock();
    const started = performance.now();
    const written = await touchActivity(me, new Date());
    const waited = performance.now() - started;
    await lock.release();
    expect(written).toBe(false);
    expect(waited).toBeLessThan(100);
    expect(await count('user', 'id = ? and last_seen is not null', [me.id])).toBe(0);
    expect(await touchActivity(me, new Date())).toBe(true);
    expect(await count('user', 'id = ? and last_seen is not null', [me.id])).toBe(1);
  });
});

describe('a database that cannot grow (SQLITE_FULL; file databases only)', () => {
  it('fails the write with StorageError ("could not be saved"), writes nothing, and recovers with a fresh client', async () => {
    const author = await createTestUser();
    const { rows } = await getDb().all<{ page_count: number }>(sql`PRAGMA page_count`).then((r) => ({ rows: r }));
    // On the pooled connection this test uses (one at a time): the file may not grow past its size now.
    await getDb().run(sql.raw(`PRAGMA max_page_count = ${rows[0].page_count}`));
    const body = 'x'.repeat(280);
    let failure: unknown;
    for (let i = 0; i < 200 && !failure; i++) await createPost(author, { body: `${body} ${i}` }).catch((error: unknown) => (failure = error));
    const domain = domainErrorOf(failure);
    expect(domain).toBeInstanceOf(StorageError);
    expect(domain?.message).toBe(NOT_SAVED_MESSAGE);
    // The failed client was replaced (Known trap 1 handling): the new connection has no page limit.
    await createPost(author, { body: 'after the disk was freed' });
    expect(await count('post', 'body = ?', ['after the disk was freed'])).toBe(1);
  });
});
