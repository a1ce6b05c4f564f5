import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests that only make sense on an embedded file (WAL, folder creation, SQLITE_BUSY recovery): the
// file project runs them, the sqld project leaves them out. Their describe names say "file databases only".
const FILE_ONLY = ['db/client.test.ts', 'db/busy.test.ts'];
// Tests of the libSQL server paths (remote URL, embedded replica): only the sqld project runs them.
const SQLD_ONLY = ['db/**/*.sqld.test.ts'];
// The folder below which the sqld project's servers keep their data; its global setup removes it and
// kills any server a crashed test file left behind.
const sqldRoot = path.join(os.tmpdir(), `microblog-vitest-sqld-${process.pid}`);

export default defineConfig({
  resolve: {
    alias: {
      // `server-only` throws outside React Server Components; the data layer is server-only by design.
      'server-only': path.resolve('node_modules/server-only/empty.js'),
      '@': path.resolve('.'),
    },
  },
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'file',
          include: ['db/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts', 'server/**/*.test.ts'],
          exclude: SQLD_ONLY,
          env: { MICROBLOG_TEST_DATABASE: 'file' },
        },
      },
      {
        // The data layer again, each test file on its own fresh sqld primary (db/testing.ts).
        extends: true,
        test: {
          name: 'sqld',
          include: ['db/**/*.test.ts'],
          exclude: FILE_ONLY,
          env: { MICROBLOG_TEST_DATABASE: 'sqld', MICROBLOG_SQLD_ROOT: sqldRoot },
          globalSetup: ['db/testing-sqld-setup.ts'],
        },
      },
    ],
  },
});
