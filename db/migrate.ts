import path from 'node:path';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { getDb, prepareDatabase, syncReplica } from './client';
import { readDatabaseConfig } from './config';
import { openMigrationClient } from './migrations/connect';

/**
 * Applies every pending migration in drizzle/ (used by start, db:migrate, Vitest and the e2e server).
 * With an embedded replica (DATABASE_SYNC_URL) the migrations run on the server, then the local copy
 * syncs, so this process sees the new schema before it serves anything.
 */
export async function migrateDatabase(): Promise<void> {
  const migrationsFolder = path.resolve(process.cwd(), 'drizzle');
  const config = readDatabaseConfig();
  if (!config.syncUrl) {
    await prepareDatabase();
    await migrate(getDb(), { migrationsFolder });
    return;
  }
  const server = openMigrationClient(config);
  try {
    await migrate(drizzle(server), { migrationsFolder });
  } finally {
    server.close();
  }
  await syncReplica();
}
