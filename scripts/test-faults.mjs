// `npm run test:faults`: the fault suite (faults/*.test.ts, vitest.faults.config.ts) against the
// production server: kill -9 under a write storm, a write lock held by another process, a full disk,
// then the hostile-request spec e2e/bad-requests.spec.ts when it exists. Prints the figures at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from './step.mjs';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const started = Date.now();
const figures = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-fault-figures-')), 'figures.txt');
fs.writeFileSync(figures, '');

// The servers start from the production build (scripts/e2e-server.mjs builds when there is none).
if (!fs.existsSync('.next/BUILD_ID')) run('Production build', 'npx', ['next', 'build']);
run('Fault suite', 'npx', ['vitest', 'run', '--config', 'vitest.faults.config.ts'], { FAULT_FIGURES_FILE: figures });
const badRequests = 'e2e/bad-requests.spec.ts';
if (fs.existsSync(badRequests)) run('Bad requests', 'npx', ['playwright', 'test', badRequests]);
else fs.appendFileSync(figures, `bad requests: ${badRequests} does not exist in this checkout, not run\n`);

console.log(`\n=== Fault suite figures (${Math.round((Date.now() - started) / 1000)} s in all)`);
process.stdout.write(fs.readFileSync(figures, 'utf8'));
fs.rmSync(path.dirname(figures), { recursive: true, force: true });
