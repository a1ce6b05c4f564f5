// `npm run db:rollback [-- --steps N --force]`: undoes the last applied migration(s) with their
// hand-written drizzle/down/<tag>.sql files (drizzle-kit writes only forward migrations).
import { parseArgs } from 'node:util';
import { loadEnv } from './env.mjs';
import { readDatabaseConfig } from '../db/config';
import { openMigrationClient } from '../db/migrations/connect';
import { rollback, RollbackRefusedError } from '../db/migrations/rollback';

const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: '1' },
    force: { type: 'boolean', default: false },
  },
});
const steps = Number(values.steps);

loadEnv();
const config = readDatabaseConfig();
const client = openMigrationClient(config);
try {
  console.log(`Rolling back ${steps} migration(s) on ${config.url}`);
  await rollback(client, { steps, force: values.force });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  if (!(error instanceof RollbackRefusedError) && error instanceof Error && error.cause) console.error(error.cause);
  process.exitCode = 1;
} finally {
  client.close();
}
