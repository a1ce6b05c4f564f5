// The user popover's data endpoint under load: `GET /user/<username>/popup` (JSON from one profile query
// plus the per-request session read), at 16 connections for BENCH_SECONDS like the pages in bench.ts.
// scripts/bench.ts calls it with its seeded server and a signed-in session cookie.
import { load, queriesFor } from './bench-load';

/** A seeded user with followers, following and posts (db/seed.ts creates john, susan, mary, david...). */
const USERNAME = 'susan';

export async function benchPopover(baseURL: string, cookie: string): Promise<void> {
  const path = `/user/${USERNAME}/popup`;
  const check = await fetch(baseURL + path, { headers: { cookie } });
  if (!check.ok) throw new Error(`GET ${path} answered ${check.status}; is the cookie signed in?`);
  const target = { name: 'popup JSON', path, cookie };
  const queries = await queriesFor(baseURL, target);
  await load(baseURL, target, 2); // warm-up (JIT, caches), as bench.ts does for every page
  const result = await load(baseURL, target);
  console.log('\n## User popover data at 16 connections (requests/s, latency in ms, SQL calls for one request)');
  console.log('| endpoint | req/s | p50 | p99 | SQL calls | non-2xx/errors |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(`| popup JSON ${path} | ${result.rps.toFixed(0)} | ${result.p50} | ${result.p99} | ${queries} | ${result.errors} |`);
}
