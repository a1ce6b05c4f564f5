/** Where the database lives, read once from the environment (the only reader of DATABASE_URL). */
export interface DatabaseConfig {
  url: string;
  authToken?: string;
  busyTimeoutMs: number;
}

export const DEFAULT_DATABASE_URL = 'file:./data/app.db';

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const busy = Number(env.DATABASE_BUSY_TIMEOUT_MS);
  return {
    url: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    authToken: env.DATABASE_AUTH_TOKEN || undefined,
    busyTimeoutMs: Number.isFinite(busy) && busy >= 0 ? busy : 5000,
  };
}

export function isFileUrl(url: string): boolean {
  return url.startsWith('file:');
}
