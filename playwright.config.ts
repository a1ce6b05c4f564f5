import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = process.env.E2E_PORT || '3210';
const baseURL = `http://127.0.0.1:${port}`;
// The server's database and e-mail outbox (scripts/e2e-server.mjs); the tests read reset links from
// the outbox (e2e/outbox.ts). One folder per port, so suites on two ports do not clash.
const dataDir = path.resolve(port === '3210' ? 'data/e2e' : `data/e2e-${port}`);
process.env.E2E_OUTBOX_DIR = path.join(dataDir, 'outbox');
// The REST API's browser-client tests serve a page from this second origin (e2e/api-react-client.spec.ts);
// the server allows it in CORS_ORIGINS and sends API reset links to its /reset page.
process.env.E2E_CLIENT_ORIGIN = `http://127.0.0.1:${Number(port) + 1}`;
// Debian's chromium where it exists (CI, this machine); Playwright's own browser elsewhere.
const systemChromium = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;

export default defineConfig({
  testDir: './e2e',
  // e2e/scale/ starts its own servers: playwright.scale.config.ts runs it.
  testIgnore: 'scale/**',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: systemChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // A project's testIgnore replaces the top-level one: repeat scale/** (its own config runs it).
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: ['scale/**', /phone\.spec\.ts$/] },
    // The main journeys on a 390 x 844 touch phone (Pixel 7's Android Chrome, with our chromium), only
    // e2e/phone.spec.ts, so the desktop suite does not run twice.
    { name: 'phone', use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 } }, testMatch: /phone\.spec\.ts$/ },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${baseURL}/login`,
    env: {
      E2E_PORT: port,
      E2E_DATA_DIR: dataDir,
      MAIL_OUTBOX_DIR: process.env.E2E_OUTBOX_DIR,
      CORS_ORIGINS: process.env.E2E_CLIENT_ORIGIN,
      PASSWORD_RESET_URL: `${process.env.E2E_CLIENT_ORIGIN}/reset`,
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
  },
});
