/** Where the database lives, read once from the environment (the only reader of DATABASE_URL). */
export interface DatabaseConfig {
  url: string;
  authToken?: string;
  /** How long a statement may wait in all for a locked file database (ms), retries included. */
  busyTimeoutMs: number;
  /**
   * Embedded replica: `url` is a local `file:` copy kept in sync with this libSQL server (reads are
   * local, writes go to the server). Undefined for a plain file or a remote URL.
   */
  syncUrl?: string;
  /** Seconds between background syncs of the embedded replica (undefined: only on demand). */
  syncIntervalSeconds?: number;
}

export const DEFAULT_DATABASE_URL = 'file:./data/app.db';

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  // Unset or empty means the default (Number('') would be 0: no wait at all).
  const busy = env.DATABASE_BUSY_TIMEOUT_MS ? Number(env.DATABASE_BUSY_TIMEOUT_MS) : NaN;
  const interval = Number(env.DATABASE_SYNC_INTERVAL);
  const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const syncUrl = env.DATABASE_SYNC_URL || undefined;
  if (syncUrl && !isFileUrl(url)) throw new Error('DATABASE_SYNC_URL needs a file: DATABASE_URL (the embedded replica).');
  return {
    url,
    authToken: env.DATABASE_AUTH_TOKEN || undefined,
    busyTimeoutMs: Number.isFinite(busy) && busy >= 0 ? busy : 5000,
    syncUrl,
    syncIntervalSeconds: syncUrl ? (Number.isFinite(interval) && interval > 0 ? interval : 1) : undefined,
  };
}

export function isFileUrl(url: string): boolean {
  return url.startsWith('file:');
}

/** A plain local database file (WAL, folder creation and BUSY recovery apply), not an embedded replica. */
export function isPlainFile(config: DatabaseConfig): boolean {
  return isFileUrl(config.url) && !config.syncUrl;
}

/** Where schema changes must go: the server for an embedded replica, else the database itself. */
export function migrationTarget(config: DatabaseConfig): DatabaseConfig {
  return config.syncUrl ? { ...config, url: config.syncUrl, syncUrl: undefined, syncIntervalSeconds: undefined } : config;
}
