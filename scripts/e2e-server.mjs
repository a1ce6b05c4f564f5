// The server Playwright starts: the production build on a fresh database, with the test-only route
// on and rate limits raised (the rate-limit test runs against its own low limit via headers-free accounts).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureAuthSecret } from './env.mjs';

const port = process.env.E2E_PORT || '3210';
// playwright.config.ts passes the folder (one per port, so two suites on two ports do not clash).
const dir = path.resolve(process.env.E2E_DATA_DIR || 'data/e2e');
// The fault suite (faults/server.ts) restarts a server on the database it left behind.
if (!process.env.E2E_KEEP_DATA) fs.rmSync(dir, { recursive: true, force: true });
Object.assign(process.env, {
  DATABASE_URL: `file:${path.join(dir, 'app.db')}`,
  MICROBLOG_TEST_ROUTES: '1',
  RATE_LIMIT_LOGIN_PER_CLIENT: '1000',
  RATE_LIMIT_SIGNUP_PER_CLIENT: '1000',
  RATE_LIMIT_RESET_PER_ADDRESS: '1000',
  RATE_LIMIT_RESET_PER_CLIENT: '1000',
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
const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', port], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
