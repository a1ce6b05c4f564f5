// `npm start` (or `node_modules/.bin/node scripts/start.mjs`, the process to run under systemd or in a
// container; plain `node` where the system's Node is the pinned major, see the README's Quick start):
// generate AUTH_SECRET on first run, apply migrations, build if there is no build yet, then serve the
// production app on HOST:PORT (default 127.0.0.1:3000) with WEB_CONCURRENCY server processes (default:
// one per core; server/cluster.mjs). WEB_CONCURRENCY=1 serves from this process. `--dev` serves
// `next dev` in this process instead.
// The migration and build steps run as child processes that exit when done, so what stays running is
// this process (the cluster's primary, which loads no Next.js) and its workers: no npm/npx wrappers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCluster, workerCount } from '../server/cluster.mjs';
import { olderNodeNotice } from '../server/node-runtime.mjs';
import { defaultAppUrl, ensureAuthSecret } from './env.mjs';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '127.0.0.1';
const require = createRequire(import.meta.url);
const serverEntry = fileURLToPath(new URL('../server.mjs', import.meta.url));

/** Runs `node ...args` to completion (inheriting the terminal); a failure ends the start. */
function runNode(args) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

let workers;
try {
  workers = dev ? 1 : workerCount(process.env.WEB_CONCURRENCY);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const notice = olderNodeNotice();
if (notice) console.warn(notice);
ensureAuthSecret();
defaultAppUrl(process.env, port);
// tsx as a loader of a plain node process (not the tsx CLI, which would keep a parent process waiting).
runNode(['--import', 'tsx', '--conditions=react-server', path.join('scripts', 'db-migrate.ts')]);
if (!dev && !fs.existsSync('.next/BUILD_ID')) {
  console.log('No production build yet: running `next build` (once; `npm run build` rebuilds).');
  runNode([require.resolve('next/dist/bin/next'), 'build']);
}

if (workers === 1) {
  const { startServer } = await import('../server.mjs');
  const { url } = await startServer({ dev, hostname, port });
  console.log(`Microblog on ${url.replace('127.0.0.1', 'localhost')} (Node ${process.versions.node})`);
} else {
  runCluster({
    workers,
    exec: serverEntry,
    onListening: () =>
      console.log(`Microblog on http://${hostname === '127.0.0.1' ? 'localhost' : hostname}:${port} (${workers} server processes on Node ${process.versions.node}; primary ${process.pid})`),
  });
}
