// `npm run db:status`: every migration in drizzle/ as applied or pending, and applied ones with no file.
import { loadEnv } from './env.mjs';
import { readDatabaseConfig } from '../db/config';
import { openMigrationClient } from '../db/migrations/connect';
import { formatStatus, migrationStatus } from '../db/migrations/status';

loadEnv();
const config = readDatabaseConfig();
const client = openMigrationClient(config);
try {
  console.log(`Migrations in drizzle/ for ${config.url}:`);
  console.log(formatStatus(await migrationStatus(client)));
} finally {
  client.close();
}
