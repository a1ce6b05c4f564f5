// `npm run bench:reference`: Microblog side by side with the reference it rebuilds (the Flask
// Mega-Tutorial's microblog under gunicorn), a benchmark, not a pass/fail test.
//  - Both apps get the same data shape as `npm run bench` (1000 users, 100,000 posts, 50 follows
//    each): Microblog through db:seed, the reference through its own models (seed_reference.py copies
//    the same rows). Both sign in as john.
//  - Each page of the comparison (home timeline, explore, a profile, the user popup, the login page),
//    plus Microblog's no-database control page, runs at 16 connections for BENCH_SECONDS (default 8)
//    on each app in turn, in 3 rounds that alternate which app goes first. Printed: medians of
//    requests/s, p50, p99, CPU ms per request and cores used (from /proc of each app's process group),
//    then each process's peak memory.
//  - REFERENCE_DIR (a checkout of the reference), REFERENCE_PYTHON, REFERENCE_GUNICORN and
//    REFERENCE_WORKERS (default 2) come from the environment; without REFERENCE_DIR it says how to get
//    the reference and prints Microblog's figures alone.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { load, type Target } from './bench-load';
import { signIn } from './bench-session';
import { benchPort, startBenchServer } from './bench-server';
import { groupCpuMs, groupPids, peakMemoryByProcess } from './process-stats';
import { HOW_TO_GET_THE_REFERENCE, referenceConfig, signInReference, startReferenceServer } from './bench-reference/reference-server';

const PASSWORD = 'password123';
const ROUNDS = 3;
const SECONDS = Number(process.env.BENCH_SECONDS || 8);
/** The reference's home timeline takes seconds per request at 16 connections; give answers time. */
const TIMEOUT_SECONDS = 60;

interface Page {
  name: string;
  microblog: string;
  /** null: Microblog only (the control). */
  reference: string | null;
  signedIn: boolean;
}

const PAGES: Page[] = [
  { name: 'control: 25 posts from memory, no db, no session', microblog: '/bench/control', reference: null, signedIn: false },
  { name: 'home timeline', microblog: '/', reference: '/', signedIn: true },
  { name: 'explore', microblog: '/explore', reference: '/explore', signedIn: true },
  { name: 'profile /user/susan', microblog: '/user/susan', reference: '/user/susan', signedIn: true },
  { name: 'user popup (susan)', microblog: '/user/susan/popup', reference: '/user/susan/popup', signedIn: true },
  { name: 'login page', microblog: '/login', reference: '/auth/login', signedIn: false },
];

interface App {
  label: 'reference' | 'Microblog';
  baseURL: string;
  pgid: number;
  cookie: string;
}

interface Run {
  /** 2xx answers per second. */
  rps: number;
  /** Answers in the run (any status). */
  answered: number;
  p50: number;
  p99: number;
  /** CPU of the app's processes per answer; NaN when nothing was answered. */
  cpuMsPerRequest: number;
  /** CPU time over wall time: 1 is one core busy. */
  cores: number;
  /** Answers with another status (the reference's "database is locked" 500s). */
  non2xx: number;
  /** Connection errors and timeouts (gunicorn's sync workers close every connection after an answer). */
  connectionErrors: number;
}

/**
 * Waits until the app's processes have been idle for 1.5 s: a run that ends leaves requests queued
 * (gunicorn's workers answer every request in their backlog even after the client left), and their
 * CPU must not count against the next page. Gives up after 5 minutes, saying so.
 */
async function settle(app: App) {
  const started = performance.now();
  let idleTicks = 0;
  while (idleTicks < 5) {
    if (performance.now() - started > 300_000) {
      console.log(`(${app.label} still busy 5 minutes after a run; the next figures include that work)`);
      return;
    }
    const before = groupCpuMs(app.pgid);
    await new Promise((r) => setTimeout(r, 300));
    idleTicks = groupCpuMs(app.pgid) - before < 30 ? idleTicks + 1 : 0; // under a tenth of a core
  }
}

/** One run of `path` on `app`; CPU counted over the run's own window, then the app settles. */
async function measure(app: App, path: string, signedIn: boolean, seconds = SECONDS): Promise<Run> {
  const target: Target = { name: path, path, cookie: signedIn ? app.cookie : undefined };
  const cpuBefore = groupCpuMs(app.pgid);
  const started = performance.now();
  const r = await load(app.baseURL, target, seconds, TIMEOUT_SECONDS);
  const cpuMs = groupCpuMs(app.pgid) - cpuBefore;
  const wallMs = performance.now() - started;
  await settle(app);
  return {
    rps: r.ok / r.seconds,
    answered: r.total,
    // A run with no answer has no latency: NaN keeps it out of the medians.
    p50: r.total ? r.p50 : NaN,
    p99: r.total ? r.p99 : NaN,
    cpuMsPerRequest: r.total ? cpuMs / r.total : NaN,
    cores: cpuMs / wallMs,
    non2xx: r.non2xx,
    connectionErrors: r.errors - r.non2xx,
  };
}

/** Fails early, with the page and status, when a page does not answer 200 (a missing session, a 500). */
async function check(app: App, path: string, signedIn: boolean) {
  const response = await fetch(app.baseURL + path, { redirect: 'manual', headers: signedIn ? { cookie: app.cookie } : {} });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${app.label} ${path} answered ${response.status}${signedIn ? ' (is the session signed in?)' : ''}`);
}

/** The median of the numbers that are not NaN (NaN if none is). */
function median(values: number[]): number {
  const known = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return known.length ? known[Math.floor(known.length / 2)] : NaN;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Each figure's median over the rounds; the counts are totals. */
function medianRun(runs: Run[]): Run {
  return {
    rps: median(runs.map((r) => r.rps)),
    answered: sum(runs.map((r) => r.answered)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    cpuMsPerRequest: median(runs.map((r) => r.cpuMsPerRequest)),
    cores: median(runs.map((r) => r.cores)),
    non2xx: sum(runs.map((r) => r.non2xx)),
    connectionErrors: sum(runs.map((r) => r.connectionErrors)),
  };
}

const num = (n: number) => (Number.isNaN(n) ? '-' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const latency = (r: Run) => (Number.isNaN(r.p50) ? 'none answered' : `${r.p50} / ${r.p99}`);
const failures = (r: Run) => `${r.non2xx} / ${r.connectionErrors}`;

function printTable(results: Map<Page, { reference?: Run; microblog: Run }>) {
  console.log(`\n## Medians of ${ROUNDS} alternating rounds at 16 connections, ${SECONDS} s each (latency in ms)`);
  console.log('| page | reference req/s | Microblog req/s | Microblog / reference | p50 / p99 reference → Microblog | CPU ms per request reference → Microblog | cores used reference / Microblog | non-2xx / connection errors, reference; Microblog |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [page, { reference: ref, microblog: mb }] of results) {
    const cell = (f: (r: Run) => string) => (ref ? f(ref) : '-');
    console.log(
      `| ${page.name} | ${cell((r) => num(r.rps))} | ${num(mb.rps)} | ${ref && ref.rps > 0 ? `${(mb.rps / ref.rps).toFixed(2)}x` : '-'} | ` +
        `${cell(latency)} → ${latency(mb)} | ${cell((r) => num(r.cpuMsPerRequest))} → ${num(mb.cpuMsPerRequest)} | ` +
        `${cell((r) => r.cores.toFixed(2))} / ${mb.cores.toFixed(2)} | ${cell(failures)}; ${failures(mb)} |`,
    );
  }
  const compared = [...results].filter(([, r]) => r.reference);
  if (compared.length) {
    const behind = compared.filter(([, r]) => r.microblog.rps <= r.reference!.rps).map(([page]) => page.name);
    console.log(behind.length ? `Microblog is behind on: ${behind.join(', ')}.` : 'Microblog is ahead of the reference on every page.');
  }
}

function printMemory(app: App) {
  const processes = peakMemoryByProcess(app.pgid);
  const total = processes.reduce((sum, p) => sum + p.peakMB, 0);
  console.log(`${app.label}: ${processes.length} process(es), peak memory (VmHWM) ${total.toFixed(0)} MB in all`);
  for (const p of processes) console.log(`  pid ${p.pid} ${p.peakMB.toFixed(0)} MB  ${p.command}`);
}

const config = referenceConfig();
if (!config) console.log(`REFERENCE_DIR is not set: only Microblog's figures follow.\n${HOW_TO_GET_THE_REFERENCE}\n`);

const server = await startBenchServer(await benchPort(3295), (env) => {
  const args = ['tsx', '--conditions=react-server', 'scripts/db-seed.ts', '--users', '1000', '--posts', '100000', '--follows', '50', '--password', PASSWORD];
  const seeded = spawnSync('npx', args, { stdio: 'inherit', env });
  if (seeded.status !== 0) throw new Error('seeding failed');
});
const microblogDb = server.env.DATABASE_URL!.replace(/^file:/, '');
const reference = config ? await startReferenceServer(config, microblogDb, PASSWORD) : null;
try {
  const apps: App[] = [{ label: 'Microblog', baseURL: server.baseURL, pgid: server.pid, cookie: (await signIn(server.baseURL)).cookie }];
  if (reference) apps.unshift({ label: 'reference', baseURL: reference.baseURL, pgid: reference.pid, cookie: await signInReference(reference.baseURL, 'john', PASSWORD) });
  const [cpu] = os.cpus();
  console.log(`${new Date().toISOString()}: ${os.cpus().length} cores (${cpu?.model ?? 'unknown'}), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} before the runs; Microblog on Node ${process.versions.node}`);
  for (const app of apps) console.log(`${app.label}: ${app.baseURL}, ${groupPids(app.pgid).length} process(es)${app.label === 'reference' ? ` (gunicorn -w ${config!.workers})` : ''}`);

  const pathOf = (app: App, page: Page) => (app.label === 'reference' ? page.reference : page.microblog);
  for (const page of PAGES) for (const app of apps) if (pathOf(app, page)) await check(app, pathOf(app, page)!, page.signedIn);
  // Warm every page up on both (JIT, template caches), so the first round does not pay for it.
  for (const page of PAGES) for (const app of apps) if (pathOf(app, page)) await measure(app, pathOf(app, page)!, page.signedIn, 2);

  const runs = new Map<Page, { reference: Run[]; microblog: Run[] }>(PAGES.map((page) => [page, { reference: [], microblog: [] }]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? apps : [...apps].reverse();
    for (const page of PAGES) {
      for (const app of order) {
        const path = pathOf(app, page);
        if (!path) continue;
        const run = await measure(app, path, page.signedIn);
        runs.get(page)![app.label === 'reference' ? 'reference' : 'microblog'].push(run);
        console.log(
          `round ${round + 1} ${page.name}, ${app.label}: ${num(run.rps)} req/s (${run.answered} answered), p50 / p99 ${latency(run)} ms, ` +
            `${num(run.cpuMsPerRequest)} CPU ms/request, ${run.cores.toFixed(2)} cores, ${run.non2xx} non-2xx, ${run.connectionErrors} connection errors`,
        );
      }
    }
  }
  printTable(new Map([...runs].map(([page, r]) => [page, { reference: r.reference.length ? medianRun(r.reference) : undefined, microblog: medianRun(r.microblog) }])));
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} after the runs (above the apps' own use: other work shared the machine)`);
  console.log('\n## Peak memory per process');
  for (const app of apps) printMemory(app);
} finally {
  await reference?.stop();
  await server.stop();
}
