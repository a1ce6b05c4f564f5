import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { isFileUrl, isPlainFile, readDatabaseConfig, type DatabaseConfig } from './config';
import { BUSY_MESSAGE, isBusyError, isStorageError, NOT_SAVED_MESSAGE, StorageError, UnavailableError } from './errors';
import { WriteLockWaiter } from './write-lock';
import * as schema from './schema';
import * as relations from './relations';

const fullSchema = { ...schema, ...relations };
export type Database = LibSQLDatabase<typeof fullSchema>;

/** Turn `file:./data/app.db` or `file:///abs/app.db` into a filesystem path. */
export function filePathOf(url: string): string {
  if (url.startsWith('file://')) return fileURLToPath(url);
  return path.resolve(url.slice('file:'.length));
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
  // goes through the client option, which applies it to every connection. It is short on purpose:
  // the driver waits synchronously, on the event loop, so longer waits happen between attempts.
  return createClient({ url: config.url, timeout: DRIVER_BUSY_WAIT_MS });
}

/**
 * How long SQLite itself waits for a lock per attempt (ms): not at all. The embedded driver is
 * synchronous, so its busy handler sleeps on the event loop and every request of the process waits
 * (measured on a loaded 2-core machine: an attempt with a 5 ms driver timeout blocked 14 ms, with 0
 * it blocked 5.5 ms, the client reopen included). Waiting happens in WriteLockWaiter, on timers.
 */
export const DRIVER_BUSY_WAIT_MS = 0;

/** Deadlines set by withBusyDeadline for the database calls made inside it. */
const deadlineOverride = new AsyncLocalStorage<number>();

/**
 * Runs `work` with its own overall wait for a locked database (ms) instead of DATABASE_BUSY_TIMEOUT_MS,
 * e.g. 0 for a best-effort write that should give up at once rather than hold a page back.
 */
export function withBusyDeadline<T>(ms: number, work: () => PromiseLike<T>): Promise<T> {
  // Awaited inside run(): a Drizzle query is a lazy thenable that only executes when awaited.
  return deadlineOverride.run(ms, async () => await work());
}

/** "The client is closed": a statement that never ran because another call replaced the client. */
function isClosedClientError(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 'CLIENT_CLOSED';
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
  private readonly lockWaiter: WriteLockWaiter;

  constructor(readonly config: DatabaseConfig) {
    this.current = openClient(config);
    this.lockWaiter = new WriteLockWaiter(config.url);
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

  close(): void {
    this.current.close();
    this.lockWaiter.close();
  }

  /** Statements sent (execute/batch calls), read by the benchmark's query-count route. */
  calls = 0;

  /**
   * A Client-shaped proxy that always forwards to the current client. For a file database, execute and
   * batch are retried while the file is locked (see run).
   */
  asClient(): Client {
    // Only a plain file waits for SQLite's lock here; servers and embedded replicas lock for themselves.
    const file = isPlainFile(this.config);
    return new Proxy({} as Client, {
      get: (_target, prop) => {
        const value = Reflect.get(this.current, prop, this.current);
        if (typeof value !== 'function') return value;
        if (prop === 'execute' || prop === 'batch') {
          return (...args: unknown[]) => {
            this.calls++;
            return file ? this.run(prop, args) : this.runRemote(prop, args);
          };
        }
        return (...args: unknown[]) => Reflect.apply(Reflect.get(this.current, prop), this.current, args);
      },
    });
  }

  /**
   * One execute or batch on a libSQL server (or through an embedded replica). The server serialises
   * writers, but a transaction that meets another one's write lock can still fail with SQLITE_BUSY
   * (measured: 20 batches through the primary against 20 writes through a replica). Such a call did
   * not commit (a failed batch is rolled back), so it is retried after a short, jittered pause, until
   * DATABASE_BUSY_TIMEOUT_MS, then UnavailableError. The calls are asynchronous: waiting blocks nothing.
   */
  private async runRemote(method: 'execute' | 'batch', args: unknown[]): Promise<unknown> {
    const deadline = Date.now() + (deadlineOverride.getStore() ?? this.config.busyTimeoutMs);
    for (let attempt = 0; ; attempt++) {
      try {
        return await Reflect.apply(Reflect.get(this.current, method), this.current, args);
      } catch (error) {
        if (!isBusyError(error)) throw error;
        const pause = Math.min(100, 5 * 2 ** attempt) * (0.5 + Math.random());
        if (Date.now() + pause > deadline) throw new UnavailableError(BUSY_MESSAGE, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  /**
   * One execute or batch on a file database. When the file is locked, it waits for the lock on timers
   * (the event loop serves other requests meanwhile; see WriteLockWaiter) and tries again, until the
   * overall deadline, then UnavailableError.
   *
   * A retry never writes twice: an attempt is retried only when it failed with SQLITE_BUSY (a single
   * statement in autocommit did not commit; a batch that fails is rolled back: the driver's COMMIT is
   * its last step, and a batch connection is rolled back when it goes back to the pool) or with
   * CLIENT_CLOSED on a client that another call replaced (the statement never started).
   * SQLITE_FULL and SQLITE_IOERR become StorageError at once: waiting rarely frees a disk.
   * Every BUSY, FULL or IOERR replaces the client before anything else is written (Known trap 1).
   *
   * @throws UnavailableError when the file stays locked past the deadline; StorageError; else the driver's error.
   */
  private async run(method: 'execute' | 'batch', args: unknown[]): Promise<unknown> {
    const deadline = Date.now() + (deadlineOverride.getStore() ?? this.config.busyTimeoutMs);
    for (;;) {
      const target = this.current;
      try {
        return await Reflect.apply(Reflect.get(target, method), target, args);
      } catch (error) {
        const busy = isBusyError(error);
        if ((busy || isStorageError(error)) && this.current === target) this.reset();
        if (isStorageError(error)) throw new StorageError(NOT_SAVED_MESSAGE, { cause: error });
        if (!busy && !(isClosedClientError(error) && this.current !== target)) throw error;
        // CLIENT_CLOSED: the client was just replaced; try again on the new one at once.
        if (busy && !(await this.lockWaiter.waitUntilFree(deadline))) throw new UnavailableError(BUSY_MESSAGE, { cause: error });
      }
    }
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

/**
 * The libSQL client behind getDb(), with the same BUSY recovery and retries, for statements that
 * drizzle built but the caller sends itself: bulk inserts from one template (db/seed.ts) and EXPLAIN
 * QUERY PLAN (db/queries/diagnostics.ts).
 */
export function getClient(): Client {
  return connection().recovering.asClient();
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
  g[globalKey]?.recovering.close();
  delete g[globalKey];
}
