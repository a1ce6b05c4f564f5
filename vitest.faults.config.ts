import path from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run test:faults` (scripts/test-faults.mjs): the fault suite against the production server.
// One file at a time: each starts its own server and they would compete for the machine's two cores.
export default defineConfig({
  resolve: { alias: { '@': path.resolve('.') } },
  test: {
    include: ['faults/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 150_000,
    hookTimeout: 150_000,
  },
});
