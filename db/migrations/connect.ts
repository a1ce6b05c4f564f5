import fs from 'node:fs';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { filePathOf } from '../client';
import { isFileUrl, migrationTarget, readDatabaseConfig, type DatabaseConfig } from '../config';

/**
 * A plain libsql client for the migration tools (one short-lived process, no drizzle needed). For an
 * embedded replica it connects to the server (DATABASE_SYNC_URL): schema changes go to the primary.
 */
export function openMigrationClient(databaseConfig: DatabaseConfig = readDatabaseConfig()): Client {
  const config = migrationTarget(databaseConfig);
  if (!isFileUrl(config.url)) return createClient({ url: config.url, authToken: config.authToken });
  // Known trap 5: libsql does not create the folder of the database file.
  fs.mkdirSync(path.dirname(filePathOf(config.url)), { recursive: true });
  return createClient({ url: config.url, timeout: config.busyTimeoutMs });
}
