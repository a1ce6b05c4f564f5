// Waiting for a server we started to answer: the benchmarks' and tests' servers (app instances,
// nginx, sqld, the reference, a second e2e server) all start the same way.
import type { ChildProcess } from 'node:child_process';

export interface WaitOptions {
  /** How long to wait in all, in ms (default 60 s). */
  timeoutMs?: number;
  /** The pause between tries, in ms (default 100). */
  intervalMs?: number;
}

/**
 * Polls `url` with GET until it answers 2xx. Ends early with an error when `child` exits first (a
 * taken port, a bad flag: waiting on would only hide it).
 * @param label what is starting, for the error ("nginx", "sqld", "the reference")
 * @throws Error `<label> exited (<code or signal>) before answering on <url>` or `<label> did not
 *   answer on <url> within <n> s`; the caller adds where its log is and stops what it started.
 */
export async function waitForHttp(label: string, url: string, child: ChildProcess, { timeoutMs = 60_000, intervalMs = 100 }: WaitOptions = {}): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${label} exited (${child.exitCode ?? child.signalCode}) before answering on ${url}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${label} did not answer on ${url} within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
