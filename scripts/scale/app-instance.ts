// Starts production app instances of the existing build on loopback for the scale-out Playwright specs
// and `npm run bench:scale`, the way production runs them: `node server.mjs` (one process), or with
// `workers` the cluster of `node scripts/start.mjs` (WEB_CONCURRENCY). No npx or npm wrapper; each
// instance is its own process group, so it can be measured (/proc) and stopped as a whole.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../sqld/server';
import { waitForHttp } from '../wait-for-http';

export interface AppInstance {
  name: string;
  baseURL: string;
  /** The process group's leader (server.mjs, or the cluster's primary); its group holds every process of the instance. */
  pid: number;
  stop: () => Promise<void>;
}

/**
 * What every instance of one deployment shares: the session secret, the server actions key, and (for
 * tests and benchmarks) rate limits high enough that one client address can sign up many users.
 */
export function sharedInstanceEnv(): Record<string, string> {
  return {
    AUTH_SECRET: crypto.randomBytes(33).toString('base64'),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
    RATE_LIMIT_LOGIN_PER_CLIENT: '100000',
    RATE_LIMIT_LOGIN_PER_ACCOUNT: '100000',
    RATE_LIMIT_SIGNUP_PER_CLIENT: '100000',
    NEXT_TELEMETRY_DISABLED: '1',
    MAIL_SERVER: '',
  };
}

/** Runs `next build` when there is no production build yet (the spec and the benchmark need one). */
export function ensureBuild(): void {
  if (fs.existsSync('.next/BUILD_ID')) return;
  const result = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error('next build failed');
}

/** Applies the migrations to `databaseUrl` (the embedded replica's server when DATABASE_SYNC_URL is set). */
export function migrate(env: Record<string, string>): void {
  const result = spawnSync('node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/db-migrate.ts'], { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error('db:migrate failed');
}

export interface AppInstanceOptions {
  /**
   * Server processes of this instance: omitted, one `node server.mjs`; a number, `node scripts/start.mjs`
   * with WEB_CONCURRENCY set to it (which also applies the migrations to `env`'s database).
   */
  workers?: number;
}

/** Starts an instance with `env` on a free port and resolves once GET /login answers (60 s at most). */
export async function startAppInstance(name: string, env: Record<string, string>, logDir: string, { workers }: AppInstanceOptions = {}): Promise<AppInstance> {
  const port = await freePort();
  fs.mkdirSync(logDir, { recursive: true });
  const log = fs.openSync(path.join(logDir, `${name}.log`), 'a');
  const entry = workers === undefined ? 'server.mjs' : path.join('scripts', 'start.mjs');
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      ...(workers === undefined ? {} : { WEB_CONCURRENCY: String(workers) }),
      MAIL_OUTBOX_DIR: path.join(logDir, `${name}-outbox`),
    },
    stdio: ['ignore', log, log],
    detached: true,
  });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(name, `${baseURL}/login`, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; see ${logDir}/${name}.log`);
  }
  return { name, baseURL, pid: child.pid!, stop };
}
