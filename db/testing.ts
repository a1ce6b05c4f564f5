import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { closeDb, getDb } from './client';
import { migrateDatabase } from './migrate';
import { signInWithPassword, type SignInClient } from './queries/sessions';
import { registerUser } from './queries/users';
import { startSqld } from '../scripts/sqld/server';
import type { Viewer } from './viewer';

/** Which database the Vitest project runs on: `file` (default) or `sqld` (vitest.config.ts sets it). */
export function testDatabaseKind(): 'file' | 'sqld' {
  return process.env.MICROBLOG_TEST_DATABASE === 'sqld' ? 'sqld' : 'file';
}

/**
 * A new, empty database for the selected target, not migrated: a file in a temporary folder, or (sqld
 * project) a fresh sqld primary on free loopback ports with its data in a temporary folder below the
 * root the global setup made (which kills any server a crashed test file left behind).
 * `missingFolder` puts a file in a folder that does not exist yet. `cleanup` stops the server and
 * removes the folder.
 */
export async function freshDatabase(name = 'test', options: { missingFolder?: boolean } = {}): Promise<{ url: string; cleanup: () => Promise<void> }> {
  if (testDatabaseKind() === 'sqld') {
    const root = process.env.MICROBLOG_SQLD_ROOT || os.tmpdir();
    const dir = fs.mkdtempSync(path.join(root, `${name}-`));
    const server = await startSqld({ dir, log: path.join(dir, 'sqld.log') });
    return {
      url: server.url,
      cleanup: async () => {
        await server.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-test-'));
  return {
    // missingFolder: the file's folder does not exist yet, so the first connection must create it.
    url: `file:${path.join(dir, ...(options.missingFolder ? ['nested'] : []), `${name}.db`)}`,
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Vitest setup: each test file gets its own temporary database (a file, or a sqld server in the sqld
 * project), migrated with the real files in drizzle/. Call in beforeAll; the returned function removes it.
 */
export async function openTempDatabase(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const database = await freshDatabase('test', { missingFolder: true });
  closeDb();
  process.env.DATABASE_URL = database.url;
  await migrateDatabase();
  return {
    url: database.url,
    cleanup: async () => {
      closeDb();
      await database.cleanup();
    },
  };
}

/**
 * The usual setup of a test file: a fresh migrated database before its tests, removed after them.
 * `url` is filled in once the database exists (read it inside tests).
 */
export function tempDatabaseForThisFile(): { url: string } {
  const handle = { url: '', cleanup: async () => {} };
  beforeAll(async () => {
    Object.assign(handle, await openTempDatabase());
  });
  afterAll(() => handle.cleanup());
  return handle;
}

let counter = 0;

/** Creates a user with a unique name; the returned Viewer is what a session for them would hold. */
export async function createTestUser(name?: string, password = 'correct horse'): Promise<Viewer> {
  const username = name ?? `user${++counter}${Date.now().toString(36)}`;
  return registerUser({ username, email: `${username.toLowerCase()}@example.com`, password });
}

export { getDb };

/**
 * Signs a test user in as a browser would (password check, a new `session` row): the returned Viewer
 * carries the session id, as app/lib/auth.ts builds it from the cookie.
 */
export async function signInTestUser(
  viewer: Viewer,
  options: { password?: string; client?: Partial<SignInClient>; now?: Date } = {},
): Promise<Viewer & { sessionId: string }> {
  const client = { userAgent: 'Vitest', clientAddress: '203.0.113.7', remember: false, ...options.client };
  const user = await signInWithPassword({ username: viewer.username, password: options.password ?? 'correct horse' }, client, options.now);
  if (!user) throw new Error(`signInTestUser: ${viewer.username} could not sign in`);
  return { id: user.id, username: user.username, sessionId: user.sessionId };
}
