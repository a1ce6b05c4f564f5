// `npm start` on every core: Node's cluster module forks one worker per core, each running
// server.mjs (startServer on the same HOST:PORT; the primary hands connections out round-robin).
// The primary only supervises: it loads no Next.js, restarts a worker that dies unexpectedly (with a
// back-off, so a worker that crashes at start-up cannot spin), and turns SIGTERM/SIGINT into one
// graceful stop of every worker. Nothing users see lives in one worker's memory: sessions, rate
// limits and notifications are in the database (README "Several processes and instances").
import cluster from 'node:cluster';
import os from 'node:os';

/** First restart delay after an unexpected exit; it doubles with each further quick failure. */
const RESTART_FIRST_DELAY_MS = 1_000;
const RESTART_MAX_DELAY_MS = 30_000;
/** A worker that ran this long before dying counts as healthy: the next restart starts at the first delay again. */
const HEALTHY_UPTIME_MS = 60_000;
/** How long a stopping primary waits for its workers (server.mjs's own grace is 10 s) before killing them. */
const STOP_GRACE_MS = 15_000;

/**
 * The number of server processes from WEB_CONCURRENCY (the Heroku/gunicorn convention).
 * @param {string | undefined} value unset or empty: one per core (`cores`).
 * @param {number} [cores] defaults to os.availableParallelism().
 * @returns {number} a whole number from 1 (1 = no cluster: the server runs in the starting process).
 * @throws {Error} with a readable message for anything but a positive whole number.
 */
export function workerCount(value, cores = os.availableParallelism()) {
  if (value === undefined || value.trim() === '') return Math.max(1, cores);
  const count = Number(value.trim());
  if (!Number.isInteger(count) || count < 1 || count > 256) {
    throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 256 (the number of server processes); got "${value}".`);
  }
  return count;
}

/**
 * The wait (ms) before restarting a worker after `failures` quick unexpected exits in a row (1-based):
 * 1 s, 2 s, 4 s ... up to 30 s.
 * @param {number} failures
 */
export function restartDelayMs(failures) {
  return Math.min(RESTART_MAX_DELAY_MS, RESTART_FIRST_DELAY_MS * 2 ** Math.max(0, failures - 1));
}

/**
 * Runs in the primary process: forks `workers` processes running `exec` and supervises them until
 * SIGTERM/SIGINT, then stops them gracefully and exits (143 / 130). Workers inherit process.env.
 * A worker that crashes or is killed (SIGKILL, the OOM killer) is replaced after restartDelayMs; one
 * that stopped gracefully on its own SIGTERM/SIGINT is not (the primary exits when none is left).
 * If a worker dies before any worker ever listened (a port in use, a broken build), the primary stops
 * and exits with 1 instead of restarting forever.
 * @param {{ workers: number, exec: string, onListening?: (address: string) => void }} options
 */
export function runCluster({ workers, exec, onListening }) {
  if (!cluster.isPrimary) throw new Error('runCluster runs in the primary process only');
  cluster.setupPrimary({ exec, args: [] });
  let stopping = false;
  let everListened = false;
  let failures = 0;
  const startedAt = new Map();

  let exitCode = 0;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const alive = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
    if (alive.length === 0) process.exit(code);
    // Each worker's server.mjs closes its server, lets open requests finish and exits.
    for (const worker of alive) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(code);
    }, STOP_GRACE_MS).unref();
  };
  const fork = () => {
    const worker = cluster.fork({ MICROBLOG_CLUSTER_WORKER: '1' });
    startedAt.set(worker.id, Date.now());
  };
  cluster.on('listening', (worker, address) => {
    if (!everListened) onListening?.(`${address.address}:${address.port}`);
    everListened = true;
  });
  cluster.on('exit', (worker, code, signal) => {
    const uptime = Date.now() - (startedAt.get(worker.id) ?? Date.now());
    startedAt.delete(worker.id);
    const remaining = Object.keys(cluster.workers ?? {}).length;
    if (stopping) {
      if (remaining === 0) process.exit(exitCode);
      return;
    }
    // 130/143 is server.mjs's graceful exit on SIGINT/SIGTERM: someone asked this worker to stop (a
    // terminal's Ctrl-C reaches every process of the group, maybe before it reaches the primary).
    if (code === 130 || code === 143) {
      if (remaining === 0) process.exit(code);
      return;
    }
    console.error(`Server worker ${worker.process.pid} exited (${signal ?? `code ${code}`}).`);
    if (!everListened) {
      console.error('No server worker ever started listening: stopping.');
      stop(1);
      return;
    }
    failures = uptime >= HEALTHY_UPTIME_MS ? 1 : failures + 1;
    const delay = restartDelayMs(failures);
    console.error(`Starting a new worker in ${delay / 1000} s.`);
    // Not unref'd: with every worker gone, this timer is what keeps the primary alive.
    setTimeout(() => {
      if (!stopping) fork();
    }, delay);
  });

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) process.on(signal, () => stop(code));

  for (let i = 0; i < workers; i++) fork();
}
