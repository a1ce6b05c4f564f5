// `npm start`: generate AUTH_SECRET on first run, apply migrations, build if there is no build yet,
// then serve the production app on HOST:PORT (default 127.0.0.1:3000) in this process (server.mjs).
// `--dev` serves `next dev` instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { startServer } from '../server.mjs';
import { defaultAppUrl, ensureAuthSecret } from './env.mjs';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '127.0.0.1';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

ensureAuthSecret();
defaultAppUrl(process.env, port);
run('npx', ['tsx', '--conditions=react-server', 'scripts/db-migrate.ts']);
if (!dev && !fs.existsSync('.next/BUILD_ID')) {
  console.log('No production build yet: running `next build` (once; `npm run build` rebuilds).');
  run('npx', ['next', 'build']);
}

const { url } = await startServer({ dev, hostname, port });
console.log(`Microblog on ${url.replace('127.0.0.1', 'localhost')}`);
