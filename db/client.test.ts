import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { filePathOf } from './client';
import { isBusyError } from './errors';
import { createPost } from './queries/posts';
import { createTestUser, openTempDatabase } from './testing';

let db: Awaited<ReturnType<typeof openTempDatabase>>;
beforeAll(async () => {
  // Fail fast on a locked database so the test can provoke SQLITE_BUSY.
  process.env.DATABASE_BUSY_TIMEOUT_MS = '50';
  db = await openTempDatabase();
});
afterAll(() => {
  delete process.env.DATABASE_BUSY_TIMEOUT_MS;
  db.cleanup();
});

async function countPosts(body: string): Promise<number> {
  // A separate connection sees only what was really committed.
  const reader = createClient({ url: db.url });
  const { rows } = await reader.execute({ sql: 'select count(*) as n from post where body = ?', args: [body] });
  reader.close();
  return Number(rows[0].n);
}

describe('the database client on a local file (file databases only: WAL, folder, SQLITE_BUSY)', () => {
  it('creates the folder of a file database and switches it to WAL', async () => {
    expect(fs.existsSync(filePathOf(db.url))).toBe(true);
    const reader = createClient({ url: db.url });
    const { rows } = await reader.execute('PRAGMA journal_mode');
    reader.close();
    expect(rows[0].journal_mode).toBe('wal');
  });

  it('loses no write after a SQLITE_BUSY error (libsql-client-ts#352)', async () => {
    const author = await createTestUser();
    const locker = createClient({ url: db.url });
    const lock = await locker.transaction('write'); // BEGIN IMMEDIATE: holds the write lock
    let busy: unknown;
    try {
      await createPost(author, { body: 'during lock' });
    } catch (error) {
      busy = error;
    }
    await lock.rollback();
    locker.close();
    expect(isBusyError(busy)).toBe(true);

    for (let i = 0; i < 5; i++) await createPost(author, { body: 'after lock' });
    expect(await countPosts('after lock')).toBe(5);
    expect(await countPosts('during lock')).toBe(0);
  });
});
