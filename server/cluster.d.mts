export function workerCount(value: string | undefined, cores?: number): number;
export function restartDelayMs(failures: number): number;
export function runCluster(options: { workers: number; exec: string; onListening?: (address: string) => void }): void;
