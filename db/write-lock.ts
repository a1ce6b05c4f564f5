import { createClient, type Client } from '@libsql/client';
import { isBusyError } from './errors';

/** Backoff between probes (ms): doubles from the first to the cap, each delay jittered to 50-100%. */
const PROBE_FIRST_DELAY_MS = 5;
const PROBE_MAX_DELAY_MS = 100;

/** The wait before probe number `attempt` (0-based): exponential with jitter. */
export function retryDelayMs(attempt: number, random = Math.random): number {
  const ceiling = Math.min(PROBE_MAX_DELAY_MS, PROBE_FIRST_DELAY_MS * 2 ** attempt);
  return Math.round(ceiling * (0.5 + random() / 2));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Waits, without blocking the event loop, until another process lets go of a file database's write
 * lock. One wait is shared by every statement that met the lock: a single probe connection tries
 * `BEGIN IMMEDIATE` (and rolls back at once) on a timer with backoff and jitter, so twenty waiting
 * requests cost one probe per interval, not twenty retries that each reopen the client. The probe
 * connection never writes data, so Known trap 1 (lost writes after BUSY) cannot touch it.
 */
export class WriteLockWaiter {
  private probe: Client | null = null;
  private wait: Promise<boolean> | null = null;
  /** The latest deadline of the statements waiting now: the shared wait lasts until then at most. */
  private until = 0;

  constructor(private readonly url: string) {}

  /**
   * Resolves true once the write lock was free at a probe, false when `deadline` (epoch ms) passes first.
   * @throws the probe's error when it fails with anything but SQLITE_BUSY.
   */
  async waitUntilFree(deadline: number): Promise<boolean> {
    this.until = Math.max(this.until, deadline);
    this.wait ??= this.poll().finally(() => {
      this.wait = null;
      // A fresh probe connection for the next wait: a reused one kept answering BUSY after the lock
      // was gone (measured with @libsql/client 0.18; the same family of bug as Known trap 1).
      this.close();
    });
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()))));
    try {
      return await Promise.race([this.wait, expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async poll(): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      const left = this.until - Date.now();
      if (left <= 0) return false;
      await sleep(Math.min(left, retryDelayMs(attempt)));
      if (await this.lockIsFree()) return true;
    }
  }

  private async lockIsFree(): Promise<boolean> {
    // timeout 0: the probe must not wait on the event loop either.
    this.probe ??= createClient({ url: this.url, timeout: 0 });
    try {
      const probe = await this.probe.transaction('write');
      await probe.rollback();
      return true;
    } catch (error) {
      if (isBusyError(error)) return false;
      throw error;
    }
  }

  close(): void {
    this.probe?.close();
    this.probe = null;
  }
}
