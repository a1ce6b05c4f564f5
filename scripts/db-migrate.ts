// `npm run db:migrate`: applies every pending migration in drizzle/ to DATABASE_URL.
import { loadEnv } from './env.mjs';
import { readDatabaseConfig } from '../db/config';
import { closeDb } from '../db/client';
import { migrateDatabase } from '../db/migrate';

loadEnv();
const { url } = readDatabaseConfig();
await migrateDatabase();
closeDb();
console.log(`Migrations applied to ${url}`);
