// Loads the same .env* files as Next.js (so scripts, drizzle-kit and the app use one database) and
// makes sure AUTH_SECRET exists: generated on first run and kept in the git-ignored .env.local.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nextEnv from '@next/env';

export function loadEnv({ dev = false } = {}) {
  nextEnv.loadEnvConfig(process.cwd(), dev);
}

export function ensureAuthSecret() {
  loadEnv();
  if (process.env.AUTH_SECRET) return;
  const file = path.join(process.cwd(), '.env.local');
  const secret = crypto.randomBytes(33).toString('base64');
  fs.appendFileSync(file, `${fs.existsSync(file) && !fs.readFileSync(file, 'utf8').endsWith('\n') ? '\n' : ''}AUTH_SECRET=${secret}\n`, { mode: 0o600 });
  process.env.AUTH_SECRET = secret;
  console.log('Generated AUTH_SECRET and saved it in .env.local (keep it: it signs the sessions).');
}

/**
 * Links in e-mails use APP_URL, else AUTH_URL (app/lib/site-origin.ts). When neither is set, `npm start`
 * sets APP_URL to its own local address, so a request's Host header (which a client chooses) never
 * decides where a reset link points; a configured AUTH_URL is never overridden.
 */
export function defaultAppUrl(env, port) {
  if (!env.APP_URL?.trim() && !env.AUTH_URL?.trim()) env.APP_URL = `http://localhost:${port}`;
}
