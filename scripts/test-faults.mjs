// `npm run test:faults`: the fault suite (faults/*.test.ts, vitest.faults.config.ts) against the
// production server: kill -9 under a write storm, a write lock held by another process, a full disk,
// then the hostile-request spec e2e/bad-requests.spec.ts when it exists. Prints the figures at the end.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const started = Date.now();
const figures = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-fault-figures-')), 'figures.txt');
fs.writeFileSync(figures, '');

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

// The servers start from the production build (scripts/e2e-server.mjs builds when there is none).
if (!fs.existsSync('.next/BUILD_ID')) run('Production build', 'npx', ['next', 'build']);
run('Fault suite', 'npx', ['vitest', 'run', '--config', 'vitest.faults.config.ts'], { FAULT_FIGURES_FILE: figures });
const badRequests = 'e2e/bad-requests.spec.ts';
if (fs.existsSync(badRequests)) run('Bad requests', 'npx', ['playwright', 'test', badRequests]);
else fs.appendFileSync(figures, `bad requests: ${badRequests} does not exist in this checkout, not run\n`);

console.log(`\n=== Fault suite figures (${Math.round((Date.now() - started) / 1000)} s in all)`);
process.stdout.write(fs.readFileSync(figures, 'utf8'));
fs.rmSync(path.dirname(figures), { recursive: true, force: true });
