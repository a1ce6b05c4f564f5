import path from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { getDb, prepareDatabase } from './client';

/** Applies every pending migration in drizzle/ (used by start, db:migrate, Vitest and the e2e server). */
export async function migrateDatabase(): Promise<void> {
  await prepareDatabase();
  await migrate(getDb(), { migrationsFolder: path.resolve(process.cwd(), 'drizzle') });
}
