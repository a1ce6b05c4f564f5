/** Where the database lives, read once from the environment (the only reader of DATABASE_URL). */
export interface DatabaseConfig {
  url: string;
  authToken?: string;
  /** How long a statement may wait in all for a locked file database (ms), retries included. */
  busyTimeoutMs: number;
}

export const DEFAULT_DATABASE_URL = 'file:./data/app.db';

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  // Unset or empty means the default (Number('') would be 0: no wait at all).
  const busy = env.DATABASE_BUSY_TIMEOUT_MS ? Number(env.DATABASE_BUSY_TIMEOUT_MS) : NaN;
  return {
    url: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    authToken: env.DATABASE_AUTH_TOKEN || undefined,
    busyTimeoutMs: Number.isFinite(busy) && busy >= 0 ? busy : 5000,
  };
}

export function isFileUrl(url: string): boolean {
  return url.startsWith('file:');
}
