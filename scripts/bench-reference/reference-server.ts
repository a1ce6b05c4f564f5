// The reference application (miguelgrinberg/microblog, Flask) for side-by-side benchmarks: seeded
// with a Microblog database's rows through its own models, served by gunicorn on a free loopback port.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { waitForHttp } from '../wait-for-http';

export interface ReferenceConfig {
  /** A checkout of the reference (its microblog.py, config.py and app/). */
  dir: string;
  /** The Python that has the reference's packages. */
  python: string;
  /** The gunicorn command (argv prefix). */
  gunicorn: string[];
  /** gunicorn worker processes. */
  workers: number;
}

export const HOW_TO_GET_THE_REFERENCE = `To compare with the reference, set REFERENCE_DIR to a checkout of the Flask Mega-Tutorial's
final chapter (the public repository miguelgrinberg/microblog on GitHub), with its packages
installed (python3 -m venv venv && venv/bin/pip install -r requirements.txt gunicorn), then:
  REFERENCE_DIR=/path/to/microblog REFERENCE_PYTHON=/path/to/microblog/venv/bin/python npm run bench:reference
Optional: REFERENCE_GUNICORN (a gunicorn command; default "<REFERENCE_PYTHON> -m gunicorn"),
REFERENCE_WORKERS (default 2). Elasticsearch and Redis are not needed (ELASTICSEARCH_URL stays unset).`;

/** The reference's settings from the environment, or null when REFERENCE_DIR is unset. */
export function referenceConfig(): ReferenceConfig | null {
  const dir = process.env.REFERENCE_DIR;
  if (!dir) return null;
  if (!fs.existsSync(path.join(dir, 'microblog.py'))) throw new Error(`REFERENCE_DIR=${dir} has no microblog.py: is it a checkout of the reference?`);
  const python = process.env.REFERENCE_PYTHON || 'python3';
  const gunicorn = process.env.REFERENCE_GUNICORN ? process.env.REFERENCE_GUNICORN.split(' ').filter(Boolean) : [python, '-m', 'gunicorn'];
  const workers = Number(process.env.REFERENCE_WORKERS || 2);
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`REFERENCE_WORKERS must be a whole number of processes, got "${process.env.REFERENCE_WORKERS}"`);
  return { dir: path.resolve(dir), python, gunicorn, workers };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface ReferenceServer {
  baseURL: string;
  /** gunicorn's master; its workers share its process group. */
  pid: number;
  stop: () => Promise<void>;
}

/**
 * Seeds a fresh reference database with the rows of `microblogDb` (an SQLite file, via
 * seed_reference.py), then starts `gunicorn -w <workers>` on a free 127.0.0.1 port. Throws with
 * gunicorn's log when it does not answer within 60 s.
 */
export async function startReferenceServer(config: ReferenceConfig, microblogDb: string, password: string): Promise<ReferenceServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-reference-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `sqlite:///${path.join(dir, 'reference.db')}`,
    SECRET_KEY: crypto.randomBytes(24).toString('hex'),
    LOG_TO_STDOUT: '1', // its log to stderr (our log file), not into logs/ of the checkout
    PYTHONPATH: config.dir,
  };
  delete env.ELASTICSEARCH_URL; // search off: the reference tolerates it unset
  const seeded = spawnSync(config.python, [path.resolve('scripts/bench-reference/seed_reference.py'), microblogDb, password], {
    cwd: config.dir,
    env,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`Seeding the reference failed (${config.python}):\n${seeded.stderr}`);

  const port = await freePort();
  const logFile = path.join(dir, 'gunicorn.log');
  const log = fs.openSync(logFile, 'a');
  const [command, ...args] = config.gunicorn;
  const child = spawn(command, [...args, '-w', String(config.workers), '-b', `127.0.0.1:${port}`, 'microblog:app'], {
    cwd: config.dir,
    env,
    stdio: ['ignore', log, log],
    detached: true, // its own process group: the CPU and memory figures and stop() cover its workers
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  try {
    await waitForHttp('The reference', `${baseURL}/auth/login`, child);
  } catch (error) {
    if (!exited()) process.kill(-child.pid!, 'SIGTERM');
    throw new Error(`${(error as Error).message} (${config.gunicorn.join(' ')}):\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
  }
  return {
    baseURL,
    pid: child.pid!,
    stop: async () => {
      if (!exited()) {
        process.kill(-child.pid!, 'SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      fs.closeSync(log);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs `username` in through the reference's login form (Flask-WTF CSRF token from the page, then
 * the form POST) and returns its session cookie pair. Throws when the reference does not sign in.
 */
export async function signInReference(baseURL: string, username: string, password: string): Promise<string> {
  const page = await fetch(`${baseURL}/auth/login`);
  const csrfToken = /name="csrf_token" type="hidden" value="([^"]+)"/.exec(await page.text())?.[1];
  const formCookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (!csrfToken) throw new Error('The reference login page has no csrf_token field');
  const response = await fetch(`${baseURL}/auth/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: formCookie },
    body: new URLSearchParams({ csrf_token: csrfToken, username, password, submit: 'Sign In' }),
  });
  await response.arrayBuffer();
  const session = response.headers.getSetCookie().find((c) => c.startsWith('session='));
  if (response.status !== 302 || response.headers.get('location')?.includes('/auth/login') || !session) {
    throw new Error(`Signing in to the reference as ${username} failed (HTTP ${response.status})`);
  }
  return session.split(';')[0];
}
