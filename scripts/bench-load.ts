// Load and query-count helpers shared by the benchmark scripts (bench.ts, bench-popover.ts).
import http from 'node:http';
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
  return run(baseURL, target, { duration: seconds }, timeoutSeconds);
}

/**
 * `requests` requests of `target` at 16 connections, however long they take: a warm-up that loads the
 * route's code and warms the JIT even on a starved machine, where a timed second completes a handful.
 */
export async function warmUp(baseURL: string | string[], target: Target, requests = 64) {
  return run(baseURL, target, { amount: requests }, 10);
}

async function run(baseURL: string | string[], target: Target, limit: { duration: number } | { amount: number }, timeoutSeconds: number) {
  const urls = (Array.isArray(baseURL) ? baseURL : [baseURL]).map((base) => base + target.path);
  const result = await autocannon({
    // autocannon accepts a list of URLs (connection i uses url i mod n); its types only say string.
    url: (urls.length === 1 ? urls[0] : urls) as string,
    connections: 16,
    ...limit,
    timeout: timeoutSeconds,
    method: target.method ?? 'GET',
    headers: { ...(target.cookie ? { cookie: target.cookie } : {}), ...target.headers },
    body: target.body,
  });
  const ok = result['2xx'];
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, ok, total: result.requests.total, non2xx: result.non2xx, seconds: result.duration, errors: result.errors + result.non2xx };
}

/**
 * SQL statements the server sends for one request of `target` (read from /bench/queries before and
 * after). The counter is per process, so all three requests go over one kept-alive connection: with
 * several server processes (WEB_CONCURRENCY), one connection is served by one of them.
 */
export async function queriesFor(baseURL: string, target: Target): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    new Promise<string>((resolve, reject) => {
      const req = http.request(baseURL + path, { agent, method: init.method ?? 'GET', headers: init.headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end(init.body);
    });
  const count = async () => (JSON.parse(await send('/bench/queries')) as { queries: number }).queries;
  try {
    const before = await count();
    const headers = { ...(target.cookie ? { cookie: target.cookie } : {}), ...target.headers };
    await send(target.path, { method: target.method, headers, body: target.body });
    return (await count()) - before;
  } finally {
    agent.destroy();
  }
}
