// `npm start`: generate AUTH_SECRET on first run, apply migrations, build if there is no build yet,
// then serve the production app on PORT (default 3000). `--dev` runs `next dev` instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { ensureAuthSecret } from './env.mjs';

const dev = process.argv.includes('--dev');
const port = process.env.PORT || '3000';
const host = process.env.HOST || '127.0.0.1';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

ensureAuthSecret();
// Absolute links in e-mails come from APP_URL; default it to this server's own local address so a
// request's Host header (which a client chooses) never decides where a reset link points.
process.env.APP_URL ||= `http://localhost:${port}`;
run('npx', ['tsx', '--conditions=react-server', 'scripts/db-migrate.ts']);
if (!dev && !fs.existsSync('.next/BUILD_ID')) {
  console.log('No production build yet: running `next build` (once; `npm run build` rebuilds).');
  run('npx', ['next', 'build']);
}

console.log(`Microblog on http://localhost:${port}`);
const server = spawn('npx', ['next', dev ? 'dev' : 'start', '-p', port, '-H', host], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
