// Starts the production server on a temporary database for benchmarks, and stops it again.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { cpuMs, groupPids, processMemoryMB } from './process-stats';
import { waitForHttp } from './wait-for-http';

export interface BenchServer {
  baseURL: string;
  env: NodeJS.ProcessEnv;
  /** `node scripts/start.mjs`: the cluster's primary (or the one server process) and its process group. */
  pid: number;
  stop: () => Promise<void>;
}

function step(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync('npx', args, { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`npx ${args.join(' ')} failed`);
}

/**
 * The benchmark's port: BENCH_PORT, else `fallback`. Exits with a clear message when it is not a port
 * number or something already listens on it (the benchmark would otherwise measure that server).
 */
export async function benchPort(fallback: number): Promise<number> {
  const port = Number(process.env.BENCH_PORT || fallback);
  if (!Number.isInteger(port) || port < 1 || port > 65535) stopWith(`BENCH_PORT must be a port number (1-65535), got "${process.env.BENCH_PORT}".`);
  const free = await new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
  if (!free) stopWith(`Port ${port} on 127.0.0.1 is already in use, so the benchmark did not start. Stop what listens there, or pick another port: BENCH_PORT=${port + 10} npm run bench`);
  return port;
}

function stopWith(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Builds if needed, migrates a fresh database, runs `prepare` on it, then serves it on loopback. */
export async function startBenchServer(port: number, prepare: (env: NodeJS.ProcessEnv) => void): Promise<BenchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, 'bench.db')}`,
    NEXT_TELEMETRY_DISABLED: '1',
    MICROBLOG_BENCH_ROUTES: '1',
    // The sign-in figures (login burst, POST /api/tokens under load) measure bcrypt, not the limits.
    RATE_LIMIT_LOGIN_PER_CLIENT: '1000000',
    RATE_LIMIT_LOGIN_PER_ACCOUNT: '1000000',
    // The notification figures send 230 messages from one account (the limit is 100 an hour).
    RATE_LIMIT_MESSAGES_PER_ACCOUNT: '1000000',
    AUTH_SECRET: process.env.AUTH_SECRET || 'bench-secret-bench-secret-bench-secret',
  };
  if (!fs.existsSync('.next/BUILD_ID')) step(['next', 'build'], env);
  step(['tsx', '--conditions=react-server', 'scripts/db-migrate.ts'], env);
  prepare(env);
  // Started as `npm start` starts it: scripts/start.mjs, one server process per core unless
  // WEB_CONCURRENCY says otherwise (server.mjs in each: client address from the socket, security headers).
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true, // its own process group, so stop() ends the server and anything it started
  });
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp('The benchmark server', `${baseURL}/login`, child);
  } catch (error) {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
    // The port was free a moment ago; if another process took it first, our server exits at once.
    stopWith(`${(error as Error).message}. Is the port taken now? Try BENCH_PORT=${port + 10} npm run bench`);
  }
  return {
    baseURL,
    env,
    pid: child.pid!,
    stop: async () => {
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function summarize(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] };
}

/** The id of server action `name` in the build (what a form without JavaScript posts). */
export function actionId(name: string): string {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8'));
  const entry = Object.entries(manifest.node as Record<string, { exportedName: string }>).find(([, v]) => v.exportedName === name);
  if (!entry) throw new Error(`server action ${name} not found in the build`);
  return entry[0];
}

/**
 * One line per process of the server's group (the primary, then each worker): peak memory (VmHWM)
 * and the CPU it has used so far, with the totals: what the server costs on this machine.
 */
export function printServerProcesses(pgid: number): void {
  const pids = groupPids(pgid).sort((a, b) => Number(b === pgid) - Number(a === pgid) || a - b);
  console.log('| process | pid | peak memory (VmHWM) | CPU used |');
  console.log('| --- | --- | --- | --- |');
  let memory = 0;
  let cpu = 0;
  for (const pid of pids) {
    const [mb, ms] = [processMemoryMB(pid, 'VmHWM'), cpuMs([pid])];
    memory += mb;
    cpu += ms;
    console.log(`| ${pid === pgid ? (pids.length > 1 ? 'primary' : 'server') : 'worker'} | ${pid} | ${mb.toFixed(0)} MB | ${(ms / 1000).toFixed(1)} s |`);
  }
  console.log(`| all ${pids.length} | | ${memory.toFixed(0)} MB | ${(cpu / 1000).toFixed(1)} s |`);
}

/** Current (VmRSS) or peak (VmHWM) resident memory of the largest process in the server's group. */
export function serverMemoryMB(pgid: number, field: 'VmRSS' | 'VmHWM'): number {
  return Math.max(0, ...groupPids(pgid).map((pid) => processMemoryMB(pid, field)));
}
