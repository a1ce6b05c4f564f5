export function loadEnv(options?: { dev?: boolean }): void;
export function ensureAuthSecret(): void;
export function defaultAppUrl(env: NodeJS.ProcessEnv, port: number | string): void;
