import { loadEnvConfig } from '@next/env';
import { defineConfig } from 'drizzle-kit';

// Load the same .env* files as Next.js so the CLI and the app use one database.
loadEnvConfig(process.cwd());

export default defineConfig({
  dialect: 'turso',
  schema: './db/schema.ts',
  out: './drizzle',
  dbCredentials: {
    url: process.env.DATABASE_URL || 'file:./data/app.db',
    authToken: process.env.DATABASE_AUTH_TOKEN || undefined,
  },
  strict: true,
  verbose: true,
});
