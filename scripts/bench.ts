// `npm run bench`: figures, not pass/fail. Starts the production server on a temporary database.
//  1. Login burst: 20 concurrent sign-ins (bcrypt in a worker) while another client keeps loading a
//     page; prints that page's latency before and during the burst.
import { spawnSync } from 'node:child_process';
import { startBenchServer, summarize } from './bench-server';

const PASSWORD = 'password123';
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function timed(url: string, init?: RequestInit): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { redirect: 'manual', ...init });
  await response.arrayBuffer();
  return performance.now() - started;
}

async function signIn(baseURL: string): Promise<{ ms: number; ok: boolean }> {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const started = performance.now();
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ csrfToken, username: 'john', password: PASSWORD, remember: 'false', callbackUrl: '/' }),
  });
  await response.arrayBuffer();
  const ok = response.headers.getSetCookie().some((c) => c.includes('authjs.session-token='));
  return { ms: performance.now() - started, ok };
}

async function loginBurst(baseURL: string) {
  const page = `${baseURL}/login`;
  for (let i = 0; i < 20; i++) await timed(page); // warm up
  const baseline: number[] = [];
  for (let i = 0; i < 100; i++) baseline.push(await timed(page));

  const during: number[] = [];
  let done = false;
  const burstStarted = performance.now();
  const burst = Promise.all(Array.from({ length: 20 }, () => signIn(baseURL))).finally(() => (done = true));
  const prober = (async () => {
    while (!done) during.push(await timed(page));
  })();
  const logins = await burst;
  const burstMs = performance.now() - burstStarted;
  await prober;

  const b = summarize(baseline);
  const d = summarize(during);
  const l = summarize(logins.map((x) => x.ms));
  console.log('\n## Login burst: 20 concurrent sign-ins (bcrypt cost 10 in a worker thread)');
  console.log(`successful sign-ins: ${logins.filter((x) => x.ok).length}/20, burst wall time ${fmt(burstMs)}, per sign-in p50 ${fmt(l.p50)} max ${fmt(l.max)}`);
  console.log(`GET /login alone:        n=${b.n} p50 ${fmt(b.p50)} p99 ${fmt(b.p99)} max ${fmt(b.max)}`);
  console.log(`GET /login during burst: n=${d.n} p50 ${fmt(d.p50)} p99 ${fmt(d.p99)} max ${fmt(d.max)}`);
  console.log(`=> other requests kept being served: ${d.n} page loads during the burst, worst ${fmt(d.max)} (a blocked event loop would hold them for the whole ${fmt(burstMs)})`);
}

const server = await startBenchServer(3290, (env) => {
  const seeded = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/db-seed.ts', '--users', '4', '--posts', '100', '--password', PASSWORD], { stdio: 'inherit', env });
  if (seeded.status !== 0) throw new Error('seeding failed');
});
try {
  console.log(`Benchmark server ${server.baseURL} (pid ${server.pid}), ${new Date().toISOString()}`);
  await loginBurst(server.baseURL);
} finally {
  await server.stop();
}
