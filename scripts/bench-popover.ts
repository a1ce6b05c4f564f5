// The user popover's data endpoint under load: `GET /user/<username>/popup` (JSON from one profile query
// plus the per-request session read), at 16 connections for BENCH_SECONDS like the pages in bench.ts.
// scripts/bench.ts calls it with its seeded server and a signed-in session cookie.
import autocannon from 'autocannon';

/** A seeded user with followers, following and posts (db/seed.ts creates john, susan, mary, david...). */
const USERNAME = 'susan';

async function sqlCallsFor(baseURL: string, path: string, cookie: string): Promise<number> {
  const count = async () => ((await (await fetch(`${baseURL}/bench/queries`)).json()) as { queries: number }).queries;
  const before = await count();
  await (await fetch(baseURL + path, { headers: { cookie } })).arrayBuffer();
  return (await count()) - before;
}

export async function benchPopover(baseURL: string, cookie: string): Promise<void> {
  const path = `/user/${USERNAME}/popup`;
  const check = await fetch(baseURL + path, { headers: { cookie } });
  if (!check.ok) throw new Error(`GET ${path} answered ${check.status}; is the cookie signed in?`);
  const queries = await sqlCallsFor(baseURL, path, cookie);
  const run = (seconds: number) => autocannon({ url: baseURL + path, connections: 16, duration: seconds, headers: { cookie } });
  await run(2); // warm-up (JIT, caches), as bench.ts does for every page
  const result = await run(Number(process.env.BENCH_SECONDS || 8));
  console.log('\n## User popover data at 16 connections (requests/s, latency in ms, SQL calls for one request)');
  console.log('| endpoint | req/s | p50 | p99 | SQL calls | non-2xx/errors |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(`| popup JSON ${path} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${queries} | ${result.errors + result.non2xx} |`);
}
