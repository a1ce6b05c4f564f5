// Load and query-count helpers shared by the benchmark scripts (bench.ts, bench-popover.ts).
import autocannon from 'autocannon';

export interface Target {
  name: string;
  path: string;
  cookie?: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

/**
 * `target` at 16 connections for `seconds` (BENCH_SECONDS, default 8). Several base URLs share the
 * connections round-robin (as a proxy in front of several instances would). A request without an
 * answer after `timeoutSeconds` counts as an error. `total` is every request answered in the run
 * (`ok` of them 2xx, `non2xx` not), `seconds` how long the run took.
 */
export async function load(baseURL: string | string[], target: Target, seconds = Number(process.env.BENCH_SECONDS || 8), timeoutSeconds = 10) {
  const urls = (Array.isArray(baseURL) ? baseURL : [baseURL]).map((base) => base + target.path);
  const result = await autocannon({
    // autocannon accepts a list of URLs (connection i uses url i mod n); its types only say string.
    url: (urls.length === 1 ? urls[0] : urls) as string,
    connections: 16,
    duration: seconds,
    timeout: timeoutSeconds,
    method: target.method ?? 'GET',
    headers: { ...(target.cookie ? { cookie: target.cookie } : {}), ...target.headers },
    body: target.body,
  });
  const ok = result['2xx'];
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, ok, total: result.requests.total, non2xx: result.non2xx, seconds: result.duration, errors: result.errors + result.non2xx };
}

/** SQL statements the server sends for one request of `target` (read from /bench/queries before and after). */
export async function queriesFor(baseURL: string, target: Target): Promise<number> {
  const count = async () => ((await (await fetch(`${baseURL}/bench/queries`)).json()) as { queries: number }).queries;
  const before = await count();
  const headers = { ...(target.cookie ? { cookie: target.cookie } : {}), ...target.headers };
  await (await fetch(baseURL + target.path, { method: target.method ?? 'GET', redirect: 'manual', headers, body: target.body })).arrayBuffer();
  return (await count()) - before;
}
