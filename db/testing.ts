import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { closeDb, getDb } from './client';
import { migrateDatabase } from './migrate';
import { signInWithPassword, type SignInClient } from './queries/sessions';
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
