// The REST API under load (scripts/bench.ts calls it with its seeded server): a JSON user lookup, the
// feed, a search, and sign-ins (POST /api/tokens, bcrypt in the worker), at 16 connections for BENCH_SECONDS.
import { load, queriesFor, type Target } from './bench-load';

export async function benchApi(baseURL: string, password: string): Promise<void> {
  const basic = `Basic ${Buffer.from(`john:${password}`).toString('base64')}`;
  const signIn = await fetch(`${baseURL}/api/tokens`, { method: 'POST', headers: { authorization: basic } });
  if (!signIn.ok) throw new Error(`POST /api/tokens answered ${signIn.status}`);
  const { access_token: token } = (await signIn.json()) as { access_token: string };
  const headers = { authorization: `Bearer ${token}` };
  const susan = (await (await fetch(`${baseURL}/api/users/susan`, { headers })).json()) as { id: number };
  const targets: Target[] = [
    { name: `GET /api/users/${susan.id}`, path: `/api/users/${susan.id}`, headers },
    { name: 'GET /api/feed (25 posts with authors)', path: '/api/feed', headers },
    { name: 'GET /api/search?q=walking (25 of about 24,000 matches, with the total)', path: '/api/search?q=walking', headers },
    { name: 'POST /api/tokens (bcrypt cost 10 in the worker)', path: '/api/tokens', method: 'POST', headers: { authorization: basic } },
  ];
  console.log('\n## REST API at 16 connections (requests/s, latency in ms, SQL calls for one request)');
  console.log('| endpoint | req/s | p50 | p99 | SQL calls | non-2xx/errors |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const target of targets) {
    const queries = await queriesFor(baseURL, target);
    await load(baseURL, target, 2); // warm-up
    const r = await load(baseURL, target);
    console.log(`| ${target.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${queries} | ${r.errors} |`);
  }
}
