// The scale-out specs (e2e/scale/): each starts its own sqld primary and replica and several app
// instances in beforeAll (no webServer), on free loopback ports. `npm test` runs them after the main
// suite; alone: `npx playwright test -c playwright.scale.config.ts` (needs a build: `npx next build`).
import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: './e2e/scale',
  testIgnore: [],
  // Its own project: the base's chromium project ignores scale/** (the main suite must not run it).
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  workers: 1,
  timeout: 300_000, // three app instances and two sqld on a shared 2-core machine: page loads are slow
  webServer: undefined,
  use: { ...base.use, baseURL: undefined },
});
