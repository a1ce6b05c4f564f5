import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { isFileUrl, isPlainFile, readDatabaseConfig, type DatabaseConfig } from './config';
import * as schema from './schema';
import * as relations from './relations';

const fullSchema = { ...schema, ...relations };
export type Database = LibSQLDatabase<typeof fullSchema>;

/** Turn `file:./data/app.db` or `file:///abs/app.db` into a filesystem path. */
export function filePathOf(url: string): string {
  if (url.startsWith('file://')) return fileURLToPath(url);
  return path.resolve(url.slice('file:'.length));
}

/** True when an error (or anything in its cause chain) is SQLite's "database is locked". */
export function isBusyError(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && e.code.startsWith('SQLITE_BUSY')) return true;
    if (typeof e.message === 'string' && /SQLITE_BUSY|database is locked/.test(e.message)) return true;
  }
  return false;
}

function openClient(config: DatabaseConfig): Client {
  // A libSQL server (http(s)://, libsql://, ws(s)://): asynchronous, it handles its own locking.
  if (!isFileUrl(config.url)) return createClient({ url: config.url, authToken: config.authToken });
  // Known trap 5: libsql does not create the folder of the database file.
  fs.mkdirSync(path.dirname(filePathOf(config.url)), { recursive: true });
  if (config.syncUrl) {
    // Embedded replica: reads from the local copy, writes forwarded to the server; readYourWrites
    // makes this client see its own writes at once, others' arrive with the next periodic sync.
    return createClient({
      url: config.url,
      syncUrl: config.syncUrl,
      syncInterval: config.syncIntervalSeconds,
      authToken: config.authToken,
      readYourWrites: true,
    });
  }
  // Known trap 3: PRAGMAs sent with execute() reach one pooled connection only, so the busy timeout
  // goes through the client option, which applies it to every connection.
  return createClient({ url: config.url, timeout: config.busyTimeoutMs });
}

/**
 * Known trap 1: after one SQLITE_BUSY, @libsql/client 0.18 can silently drop later writes on that
 * connection (libsql-client-ts#352). Drizzle talks to this stand-in, which forwards every call to the
 * current client and, when a call fails with BUSY, closes that client and opens a fresh one before
 * anything else is written. The failed call still fails: the caller decides whether to retry.
 */
class RecoveringClient {
  private current: Client;
  private walChecked = false;

  constructor(readonly config: DatabaseConfig) {
    this.current = openClient(config);
  }

  async ensureWal(): Promise<void> {
    if (this.walChecked || !isPlainFile(this.config)) return;
    this.walChecked = true;
    // journal_mode=WAL persists in the file, so setting it once per process is enough.
    await this.current.execute('PRAGMA journal_mode=WAL');
  }

  reset(): void {
    const old = this.current;
    this.current = openClient(this.config);
    old.close();
  }

  get client(): Client {
    return this.current;
  }

  /** Statements sent (execute/batch calls), read by the benchmark's query-count route. */
  calls = 0;

  /** A Client-shaped proxy that always forwards to the current client. */
  asClient(): Client {
    return new Proxy({} as Client, {
      get: (_target, prop) => {
        const value = Reflect.get(this.current, prop, this.current);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const target = this.current;
          if (prop === 'execute' || prop === 'batch') this.calls++;
          const result = value.apply(target, args);
          if (!(result instanceof Promise)) return result;
          return result.catch((error: unknown) => {
            if (isPlainFile(this.config) && isBusyError(error) && this.current === target) this.reset();
            throw error;
          });
        };
      },
    });
  }
}

interface Connection {
  recovering: RecoveringClient;
  db: Database;
}

// One connection per process, kept on globalThis so Next's dev-mode reloads do not open more.
const globalKey = Symbol.for('microblog.db');
type GlobalWithDb = typeof globalThis & { [globalKey]?: Connection };

function connect(config: DatabaseConfig): Connection {
  const recovering = new RecoveringClient(config);
  const db = drizzle(recovering.asClient(), { schema: fullSchema });
  return { recovering, db };
}

function connection(): Connection {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= connect(readDatabaseConfig());
  return g[globalKey];
}

/** The drizzle database for this process. */
export function getDb(): Database {
  return connection().db;
}

/** Applies settings that persist in the file (WAL); called once at start-up and by migrations. */
export async function prepareDatabase(): Promise<void> {
  await connection().recovering.ensureWal();
}

/** Pulls the server's latest changes into an embedded replica now; a no-op for other databases. */
export async function syncReplica(): Promise<void> {
  const { recovering } = connection();
  if (recovering.config.syncUrl) await recovering.client.sync();
}

/** How many execute/batch calls this process has sent (benchmarks count queries per page with it). */
export function queryCount(): number {
  return connection().recovering.calls;
}

/** Closes the process's connection; the next getDb() opens a new one (tests, scripts). */
export function closeDb(): void {
  const g = globalThis as GlobalWithDb;
  g[globalKey]?.recovering.client.close();
  delete g[globalKey];
}
