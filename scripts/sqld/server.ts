// Starts and stops local libSQL servers (sqld) on 127.0.0.1: `npm run db:server`, the Vitest sqld
// project, the two-instance Playwright spec and `npm run bench:scale` all use this one launcher.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { sqldBinary } from './binary.mjs';
import { waitForHttp } from '../wait-for-http';

export interface SqldOptions {
  /** Folder for the server's data (created); sqld keeps its databases below it. */
  dir: string;
  /** HTTP port for clients (DATABASE_URL); 0 or absent picks a free one. */
  httpPort?: number;
  /** gRPC port replicas connect to; 0 or absent picks a free one. */
  grpcPort?: number;
  /** Makes this server a replica of the primary at this gRPC URL (`http://127.0.0.1:<grpc port>`). */
  primaryGrpcUrl?: string;
  /** Where the server's log goes: a file path, 'inherit' (this terminal) or absent (discarded). */
  log?: string | 'inherit';
}

export interface Sqld {
  /** `http://127.0.0.1:<port>`, what DATABASE_URL should be. */
  url: string;
  /** `http://127.0.0.1:<grpc port>`, what a replica's --primary-grpc-url should be ('' for a replica). */
  grpcUrl: string;
  pid: number;
  process: ChildProcess;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
  stop: () => Promise<void>;
}

/** A TCP port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// Every server this process started and has not stopped: ended with the process, even when it exits
// while a server is still starting (Ctrl-C during start-up), so none is left running.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});

/** The pid file each server writes into its folder, so a test teardown can find leftovers. */
export const PID_FILE = 'sqld.pid';

async function startOnce(options: SqldOptions): Promise<Sqld> {
  fs.mkdirSync(options.dir, { recursive: true });
  const httpPort = options.httpPort || (await freePort());
  // A replica serves no gRPC of its own (sqld refuses both flags together).
  const grpcPort = options.primaryGrpcUrl ? 0 : options.grpcPort || (await freePort());
  const args = ['--db-path', path.join(options.dir, 'data.sqld'), '--http-listen-addr', `127.0.0.1:${httpPort}`, '--no-welcome'];
  if (options.primaryGrpcUrl) args.push('--primary-grpc-url', options.primaryGrpcUrl);
  else args.push('--grpc-listen-addr', `127.0.0.1:${grpcPort}`);
  const log = options.log === 'inherit' ? 'inherit' : options.log ? fs.openSync(options.log, 'a') : 'ignore';
  const child = spawn(sqldBinary(), args, { stdio: ['ignore', log, log], env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? 'warn' } });
  if (typeof log === 'number') fs.closeSync(log);
  const pidFile = path.join(options.dir, PID_FILE);
  fs.writeFileSync(pidFile, String(child.pid));
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(pidFile, { force: true });
  };
  const url = `http://127.0.0.1:${httpPort}`;
  try {
    await waitForHttp('sqld', `${url}/health`, child, { timeoutMs: 15_000, intervalMs: 25 });
  } catch (error) {
    await stop();
    const tail = typeof options.log === 'string' && options.log !== 'inherit' && fs.existsSync(options.log) ? fs.readFileSync(options.log, 'utf8').slice(-800) : '';
    throw new Error(`${(error as Error).message}${tail ? `\n${tail}` : ''}`);
  }
  return { url, grpcUrl: grpcPort ? `http://127.0.0.1:${grpcPort}` : '', pid: child.pid!, process: child, stop };
}

/**
 * Starts sqld and resolves once it answers `GET /health`. With no fixed ports, a port taken between
 * choosing and binding it is retried with new ports (3 attempts). Throws if it never becomes healthy.
 */
export async function startSqld(options: SqldOptions): Promise<Sqld> {
  const attempts = options.httpPort ? 1 : 3;
  for (let i = 1; ; i++) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (i >= attempts) throw error;
    }
  }
}

/**
 * Makes the SQLite database `file` (say, one `db:seed` filled) the database of a new server folder
 * `dir` for startSqld: checkpointed, then copied to where sqld keeps its default database. On its
 * first start sqld finds no replication log and rebuilds it from the file ("recovering from database
 * file"), so its replicas get every page. Loading a million posts this way takes seconds; sending
 * them over HTTP took minutes.
 */
export async function importDatabaseFile(file: string, dir: string): Promise<void> {
  const client = createClient({ url: `file:${file}` });
  try {
    await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    client.close();
  }
  const target = path.join(dir, 'data.sqld', 'dbs', 'default');
  fs.mkdirSync(target, { recursive: true });
  fs.copyFileSync(file, path.join(target, 'data'));
}

/** Kills every sqld whose pid file is below `root` and still names a live process (test teardown). */
export function killLeftoverSqlds(root: string): number {
  let killed = 0;
  if (!fs.existsSync(root)) return killed;
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== PID_FILE) continue;
    const pid = Number(fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
    try {
      process.kill(pid, 'SIGKILL');
      killed++;
    } catch {
      // already gone
    }
  }
  return killed;
}
