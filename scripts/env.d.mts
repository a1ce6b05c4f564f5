export function loadEnv(options?: { dev?: boolean }): void;
export function ensureAuthSecret(): void;
