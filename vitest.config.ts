import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // `server-only` throws outside React Server Components; the data layer is server-only by design.
      'server-only': path.resolve('node_modules/server-only/empty.js'),
      '@': path.resolve('.'),
    },
  },
  test: {
    include: ['db/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
