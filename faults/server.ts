// The one helper that starts the production server for the fault suite: the same start path as the
// Playwright suite (scripts/e2e-server.mjs: migrations, build when missing, the production server),
// on a temporary database and a free port, in its own process group so a test can kill -9 all of it.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export interface RunningServer {
  baseUrl: string;
  port: number;
  /** The folder that holds the database (`app.db`). */
  dataDir: string;
  dbPath: string;
  /** Milliseconds from spawning to the first 200 from GET /login. */
  readyInMs: number;
  /** The server's recent output, for a failing test's message. */
  recentOutput(): string;
  /** SIGKILL to the whole process group (the wrapper, npx and the Next.js server): kill -9. */
  kill9(): Promise<void>;
  /** SIGTERM to the process group, then waits for it to exit. */
  stop(): Promise<void>;
}

/** A TCP port nobody listens on right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Resolves once no process of the group is left (the wrapper can exit before the Next.js server). */
async function groupGone(group: number): Promise<void> {
  for (;;) {
    try {
      process.kill(-group, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Starts the production server on `dataDir/app.db` and resolves once it serves GET /login.
 * `keepData` reuses the database already in `dataDir` (a restart); otherwise the folder starts empty.
 * @throws when the server exits or does not serve within `timeoutMs`.
 */
export async function startServer(options: { dataDir: string; port?: number; keepData?: boolean; env?: Record<string, string>; timeoutMs?: number }): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const dataDir = path.resolve(options.dataDir);
  const started = performance.now();
  const child = spawn('node', ['scripts/e2e-server.mjs'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // Not Vitest's NODE_ENV=test: with it, @next/env skips .env.local, so each start would generate a
      // new AUTH_SECRET and a restart would end every session.
      NODE_ENV: 'production',
      E2E_PORT: String(port),
      E2E_DATA_DIR: dataDir,
      E2E_KEEP_DATA: options.keepData ? '1' : '',
      MAIL_OUTBOX_DIR: path.join(dataDir, 'outbox'),
      ...options.env,
    },
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 200));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const group = child.pid!;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-group, signal);
    } catch {
      // already gone
    }
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${lines.slice(-30).join('\n')}`);
    if (Date.now() > deadline) {
      signalGroup('SIGKILL');
      throw new Error(`The server did not serve /login in time:\n${lines.slice(-30).join('\n')}`);
    }
    const ok = await fetch(`${baseUrl}/login`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200, () => false);
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    baseUrl,
    port,
    dataDir,
    dbPath: path.join(dataDir, 'app.db'),
    readyInMs: performance.now() - started,
    recentOutput: () => lines.join('\n'),
    kill9: async () => {
      signalGroup('SIGKILL');
      await exited(child);
      await groupGone(group);
    },
    stop: async () => {
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 10_000);
      await exited(child);
      await groupGone(group);
      clearTimeout(timer);
    },
  };
}
