// The libSQL server paths of db/client.ts, run only by Vitest's sqld project (vitest.config.ts):
// a server URL, a server replica, an embedded replica, and the migration scripts against a server.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { startSqld, type Sqld } from '../scripts/sqld/server';
import { closeDb } from './client';
import { migrateDatabase } from './migrate';
import { openMigrationClient } from './migrations/connect';
import { migrationStatus } from './migrations/status';
import { createPost, listPosts } from './queries/posts';
import { createTestUser } from './testing';

const run = promisify(execFile);
let dir: string;
let primary: Sqld;
let replica: Sqld;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(process.env.MICROBLOG_SQLD_ROOT || os.tmpdir(), 'client-'));
  primary = await startSqld({ dir: path.join(dir, 'primary'), log: path.join(dir, 'primary.log') });
  replica = await startSqld({ dir: path.join(dir, 'replica'), primaryGrpcUrl: primary.grpcUrl, log: path.join(dir, 'replica.log') });
});
afterAll(async () => {
  closeDb();
  await replica?.stop();
  await primary?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  for (const key of ['DATABASE_URL', 'DATABASE_SYNC_URL', 'DATABASE_SYNC_INTERVAL']) delete process.env[key];
});

/** Points this process's data layer at a database (the next getDb() opens it). */
function useDatabase(env: Record<string, string>) {
  closeDb();
  for (const key of ['DATABASE_SYNC_URL', 'DATABASE_SYNC_INTERVAL']) delete process.env[key];
  Object.assign(process.env, env);
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

describe('db scripts against a libSQL server URL (sqld only)', () => {
  it('db:migrate, db:status and db:rollback work on http://', async () => {
    // Each script once as `npm run` runs it (tsx); the checks between them call the same functions.
    const env = { ...process.env, DATABASE_URL: primary.url };
    const script = (name: string, ...args: string[]) => run('node_modules/.bin/tsx', ['--conditions=react-server', `scripts/${name}`, ...args], { env });
    const states = async () => {
      const client = openMigrationClient({ url: primary.url, busyTimeoutMs: 0 });
      try {
        return (await migrationStatus(client)).map((m) => m.state);
      } finally {
        client.close();
      }
    };
    expect((await script('db-migrate.ts')).stdout).toContain(`migration(s) to ${primary.url}`);
    expect(new Set(await states())).toEqual(new Set(['applied']));
    await script('db-rollback.ts', '--steps', '1', '--force');
    const status = (await script('db-status.ts')).stdout;
    expect(status).toContain(primary.url);
    expect(status).toMatch(/pending/i);
    expect((await states()).at(-1)).toBe('pending');
    useDatabase({ DATABASE_URL: primary.url });
    await migrateDatabase();
    expect(new Set(await states())).toEqual(new Set(['applied']));
  }, 120_000);
});

describe('a server replica (sqld --primary-grpc-url; sqld only)', () => {
  it('forwards writes to the primary and reads its own writes at once', async () => {
    useDatabase({ DATABASE_URL: replica.url });
    const author = await createTestUser();
    await createPost(author, { body: 'written through the replica' });
    expect((await listPosts(author, { scope: { kind: 'explore' } })).posts[0].body).toBe('written through the replica');
    const onPrimary = createClient({ url: primary.url });
    const { rows } = await onPrimary.execute({ sql: 'select count(*) as n from post where body = ?', args: ['written through the replica'] });
    onPrimary.close();
    expect(Number(rows[0].n)).toBe(1);
  });

  it('lets two instances write at the same time: each waits for the other instead of failing', async () => {
    useDatabase({ DATABASE_URL: primary.url });
    const author = await createTestUser();
    const other = createClient({ url: replica.url });
    const writes = Array.from({ length: 20 }, (_, i) => [
      createPost(author, { body: `concurrent ${i}` }),
      other.execute({ sql: 'insert into post (body, user_id, timestamp) values (?, ?, ?)', args: [`other ${i}`, author.id, Date.now()] }),
    ]).flat();
    const results = await Promise.allSettled(writes);
    other.close();
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const page = await listPosts(author, { scope: { kind: 'user', userId: author.id } });
    expect(page.posts.length).toBe(25);
  });
});

describe('an embedded replica (file: DATABASE_URL + DATABASE_SYNC_URL; sqld only)', () => {
  it('migrates on the server, reads its own writes at once and others\' writes within the sync interval', async () => {
    const file = `file:${path.join(dir, 'embedded', 'replica.db')}`;
    useDatabase({ DATABASE_URL: file, DATABASE_SYNC_URL: primary.url, DATABASE_SYNC_INTERVAL: '1' });
    await migrateDatabase(); // already migrated by the scripts test: a no-op that syncs the local copy
    const author = await createTestUser();
    await createPost(author, { body: 'mine, at once' });
    expect((await listPosts(author, { scope: { kind: 'user', userId: author.id } })).posts.map((p) => p.body)).toEqual(['mine, at once']);

    const elsewhere = createClient({ url: primary.url });
    await elsewhere.execute({ sql: 'insert into post (body, user_id, timestamp) values (?, ?, ?)', args: ['from another instance', author.id, Date.now()] });
    elsewhere.close();
    const waited = await until(async () => (await listPosts(author, { scope: { kind: 'user', userId: author.id } })).posts.length === 2, 3000);
    expect(waited).toBeLessThan(2500); // one 1 s sync interval, plus slack for a loaded machine
  });
});
