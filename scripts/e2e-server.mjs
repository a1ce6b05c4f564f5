// The server Playwright starts: the production build on a fresh database, with the test-only routes
// on and the sign-in, sign-up and reset limits raised so that many tests can share one client address.
// E2E_REAL_LIMITS=1 keeps the defaults instead: e2e/limits.spec.ts starts a second server that way to
// test the limits themselves.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from '../server.mjs';
import { ensureAuthSecret } from './env.mjs';

const port = Number(process.env.E2E_PORT || 3210);
// playwright.config.ts passes the folder (one per port, so two suites on two ports do not clash).
const dir = path.resolve(process.env.E2E_DATA_DIR || 'data/e2e');
// The fault suite (faults/server.ts) restarts a server on the database it left behind.
if (!process.env.E2E_KEEP_DATA) fs.rmSync(dir, { recursive: true, force: true });
const raised = {
  RATE_LIMIT_LOGIN_PER_CLIENT: '1000',
  RATE_LIMIT_SIGNUP_PER_CLIENT: '1000',
  RATE_LIMIT_RESET_PER_ADDRESS: '1000',
  RATE_LIMIT_RESET_PER_CLIENT: '1000',
};
Object.assign(process.env, {
  DATABASE_URL: `file:${path.join(dir, 'app.db')}`,
  MICROBLOG_TEST_ROUTES: '1',
  ...(process.env.E2E_REAL_LIMITS === '1' ? {} : raised),
  // E-mail goes to this outbox folder (never SMTP), where the tests read the reset links.
  MAIL_SERVER: '',
  MAIL_OUTBOX_DIR: process.env.MAIL_OUTBOX_DIR || path.join(dir, 'outbox'),
  NEXT_TELEMETRY_DISABLED: '1',
});
ensureAuthSecret();
const step = (args) => {
  const r = spawnSync('npx', args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step(['tsx', '--conditions=react-server', 'scripts/db-migrate.ts']);
if (!fs.existsSync('.next/BUILD_ID')) step(['next', 'build']);
const { url } = await startServer({ hostname: '127.0.0.1', port });
console.log(`e2e server on ${url}`);
