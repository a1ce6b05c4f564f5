// `npm test`: typecheck, lint, Vitest, production build, Playwright, the fault suite, stopping at the
// first failure.
// Installs Debian's chromium for the browser tests when it is missing and we may (root with apt-get).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { run } from './step.mjs';

process.env.NEXT_TELEMETRY_DISABLED = '1';

function ensureChromium() {
  if (fs.existsSync('/usr/bin/chromium')) return;
  const canApt = process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0;
  if (canApt) {
    run('Install Debian chromium', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
  } else {
    console.log('No /usr/bin/chromium: Playwright will use its own browser (run `npx playwright install chromium` once).');
  }
}

ensureChromium();
run('Typecheck', 'npx', ['tsc', '--noEmit']);
run('Lint', 'npx', ['eslint', '--max-warnings=0', '.']);
run('Unit and integration tests', 'npx', ['vitest', 'run']);
run('Production build', 'npx', ['next', 'build']);
run('End-to-end tests', 'npx', ['playwright', 'test']);
run('Scale-out end-to-end tests (sqld primary, replica, several instances)', 'npx', ['playwright', 'test', '-c', 'playwright.scale.config.ts']);
run('Fault suite', 'node', ['scripts/test-faults.mjs']);
console.log('\nAll checks passed.');
