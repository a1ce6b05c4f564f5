// Starts the production server on a temporary database for benchmarks, and stops it again.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BenchServer {
  baseURL: string;
  env: NodeJS.ProcessEnv;
  pid: number;
  stop: () => Promise<void>;
}

function step(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync('npx', args, { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`npx ${args.join(' ')} failed`);
}

/** Builds if needed, migrates a fresh database, runs `prepare` on it, then serves it on loopback. */
export async function startBenchServer(port: number, prepare: (env: NodeJS.ProcessEnv) => void): Promise<BenchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, 'bench.db')}`,
    NEXT_TELEMETRY_DISABLED: '1',
    MICROBLOG_BENCH_ROUTES: '1',
    AUTH_SECRET: process.env.AUTH_SECRET || 'bench-secret-bench-secret-bench-secret',
  };
  if (!fs.existsSync('.next/BUILD_ID')) step(['next', 'build'], env);
  step(['tsx', '--conditions=react-server', 'scripts/db-migrate.ts'], env);
  prepare(env);
  const child: ChildProcess = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true, // its own process group, so stop() ends npx and next together
  });
  const baseURL = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${baseURL}/login`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
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
