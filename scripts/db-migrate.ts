// `npm run db:migrate`: applies every pending migration in drizzle/ to DATABASE_URL, and says which.
import { loadEnv } from './env.mjs';
import { readDatabaseConfig } from '../db/config';
import { closeDb } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { openMigrationClient } from '../db/migrations/connect';
import { migrationStatus } from '../db/migrations/status';

loadEnv();
const config = readDatabaseConfig();

/** The tags of the migrations drizzle's migrator would apply now. */
async function pending(): Promise<string[]> {
  const client = openMigrationClient(config);
  try {
    return (await migrationStatus(client)).filter((m) => m.state === 'pending').map((m) => m.tag);
  } finally {
    client.close();
  }
}

const before = await pending();
await migrateDatabase();
closeDb();
const left = await pending();
const applied = before.filter((tag) => !left.includes(tag));
if (applied.length === 0) console.log(`Nothing to apply: ${config.url} is up to date.`);
else console.log(`Applied ${applied.length} migration(s) to ${config.url}: ${applied.join(', ')}`);
