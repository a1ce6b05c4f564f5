import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { closeDb, getDb } from './client';
import { migrateDatabase } from './migrate';
import { registerUser } from './queries/users';
import type { Viewer } from './viewer';

/**
 * Vitest setup: each test file gets its own temporary database file, migrated with the real files in
 * drizzle/. Call in beforeAll; the returned function removes it.
 */
export async function openTempDatabase(): Promise<{ url: string; cleanup: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-test-'));
  const url = `file:${path.join(dir, 'nested', 'test.db')}`;
  closeDb();
  process.env.DATABASE_URL = url;
  await migrateDatabase();
  return {
    url,
    cleanup: () => {
      closeDb();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The usual setup of a test file: a fresh migrated database before its tests, removed after them.
 * `url` is filled in once the database exists (read it inside tests).
 */
export function tempDatabaseForThisFile(): { url: string } {
  const handle = { url: '', cleanup: () => {} };
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
