// `npm run bench:scale`: figures, not pass/fail (about 10 to 15 minutes on 2 cores). Measures the home
// timeline (pages 1 and 40), explore and the user popover's endpoint at 16 connections on:
//   (a) one instance on the embedded file, (b) one instance on a sqld primary, (c) two instances on
//   sqld (one on the primary, one on a replica), load spread round-robin by the load generator;
// at two data sizes: 1,000 users / 100,000 posts / 50 follows each, and ten times that: 10,000 users /
// 1,000,000 posts / 100 follows each (seed time and database size printed). For each run it prints
// requests/s, p50, p99 and the CPU each process used (app instances, sqld, the load generator).
// Also prints the home timeline's EXPLAIN QUERY PLAN on sqld at both sizes, pages 1 and 40.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from './bench-load';
import { deepPagePath, signIn } from './bench-session';
import { cpuMs, groupPids } from './scale/cpu';
import { ensureBuild, migrate, sharedInstanceEnv, startAppInstance, type AppInstance } from './scale/app-instance';
import { startSqld, type Sqld } from './sqld/server';

interface DataSize {
  label: string;
  users: number;
  posts: number;
  follows: number;
}
const SIZES: DataSize[] = [
  { label: '100k posts', users: 1_000, posts: 100_000, follows: 50 },
  { label: '1M posts', users: 10_000, posts: 1_000_000, follows: 100 },
];
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-bench-scale-'));
const shared = { ...sharedInstanceEnv(), MICROBLOG_BENCH_ROUTES: '1' };
const results: string[] = ['| data | setup | page | req/s | p50 ms | p99 ms | errors | CPU ms per request by process |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
const plans: string[] = [];
// Everything started and not yet stopped, so Ctrl-C (or SIGTERM) leaves no server running.
const running = new Set<{ stop: () => Promise<void> }>();
function track<T extends { stop: () => Promise<void> }>(started: T): T {
  running.add(started);
  const stop = started.stop;
  started.stop = async () => {
    running.delete(started);
    await stop();
  };
  return started;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    console.error(`\n${signal}: stopping ${running.size} server(s)`);
    await Promise.all([...running].map((r) => r.stop()));
    fs.rmSync(root, { recursive: true, force: true });
    process.exit(130);
  });
}

function dirSizeMB(dir: string): number {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes / 1024 / 1024;
}

/** Migrates and seeds DATABASE_URL (in a child process, as `npm run db:seed`); prints time and size. */
function seed(size: DataSize, env: Record<string, string>, where: string, dataDir: string) {
  migrate(env);
  const started = performance.now();
  const args = ['--conditions=react-server', 'scripts/db-seed.ts', '--users', String(size.users), '--posts', String(size.posts), '--follows', String(size.follows)];
  const result = spawnSync('node_modules/.bin/tsx', args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error('seeding failed');
  const seconds = (performance.now() - started) / 1000;
  console.log(`seeded ${size.label} on ${where}: ${seconds.toFixed(1)} s, ${dirSizeMB(dataDir).toFixed(0)} MB on disk`);
  return { seconds, mb: dirSizeMB(dataDir) };
}

interface Measured {
  name: string;
  pids: () => number[];
}

/** Runs every page against `instances` (round-robin when several) and records the figures. */
async function measure(size: DataSize, setup: string, instances: AppInstance[], others: Measured[]) {
  const urls = instances.map((i) => i.baseURL);
  const { cookie } = await signIn(urls[0]);
  const page40 = await deepPagePath(urls[0], cookie, 40);
  const targets = [
    { name: 'home, page 1', path: '/' },
    { name: 'home, page 40', path: page40 },
    { name: 'explore', path: '/explore' },
    { name: 'popover JSON', path: '/user/susan/popup' },
  ];
  const processes: Measured[] = [...instances.map((i) => ({ name: `app ${i.name}`, pids: () => groupPids(i.pid) })), ...others];
  for (const target of targets) {
    await load(urls, { ...target, cookie }, 1); // warm up
    const before = processes.map((p) => cpuMs(p.pids()));
    const loadBefore = process.cpuUsage();
    const r = await load(urls, { ...target, cookie }, SECONDS);
    const loadCpu = process.cpuUsage(loadBefore);
    // Per request when requests completed; else the whole run's CPU ms (a starved machine).
    const requests = r.rps * SECONDS;
    const per = (ms: number) => (requests >= 1 ? (ms / requests).toFixed(2) : `${ms.toFixed(0)} in total`);
    const cpu = processes.map((p, i) => `${p.name} ${per(cpuMs(p.pids()) - before[i])}`);
    cpu.push(`load generator ${per((loadCpu.user + loadCpu.system) / 1000)}`);
    const line = `| ${size.label} | ${setup} | ${target.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${cpu.join(', ')} |`;
    results.push(line);
    console.log(line);
  }
  return { page40 };
}

async function explain(size: DataSize, url: string, page40: string) {
  // The data layer in this process, pointed at the server, prints the plan of the query it would send.
  process.env.DATABASE_URL = url;
  const { closeDb } = await import('../db/client');
  const { explainHomeTimeline } = await import('../db/queries/diagnostics');
  const before = new URLSearchParams(page40.split('?')[1]).get('before');
  for (const [label, cursor] of [['page 1', null], ['page 40', before]] as const) {
    const started = performance.now();
    const lines = await explainHomeTimeline('john', cursor);
    plans.push(`-- sqld, ${size.label}, home timeline ${label} (plan fetched in ${(performance.now() - started).toFixed(0)} ms)`, ...lines);
  }
  closeDb();
}

async function onFile(size: DataSize) {
  const dir = path.join(root, `file-${size.posts}`);
  fs.mkdirSync(dir, { recursive: true });
  const env = { DATABASE_URL: `file:${path.join(dir, 'app.db')}` };
  seed(size, env, 'the embedded file', dir);
  const app = track(await startAppInstance('F', { ...shared, ...env }, path.join(root, 'logs')));
  try {
    await measure(size, 'one instance, embedded file', [app], []);
  } finally {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function onSqld(size: DataSize, twoInstances: boolean) {
  const dir = path.join(root, `sqld-${size.posts}`);
  const servers: Sqld[] = [];
  const apps: AppInstance[] = [];
  try {
    const primary = track(await startSqld({ dir: path.join(dir, 'primary'), log: path.join(root, 'logs', `sqld-${size.posts}.log`) }));
    servers.push(primary);
    const env = { DATABASE_URL: primary.url };
    seed(size, env, 'sqld', path.join(dir, 'primary'));
    apps.push(track(await startAppInstance('A', { ...shared, ...env }, path.join(root, 'logs'))));
    const sqldProcesses: Measured[] = [{ name: 'sqld primary', pids: () => [primary.pid] }];
    const { page40 } = await measure(size, 'one instance, sqld', apps, sqldProcesses);
    await explain(size, primary.url, page40);
    if (twoInstances) {
      const replica = track(await startSqld({ dir: path.join(dir, 'replica'), primaryGrpcUrl: primary.grpcUrl, log: path.join(root, 'logs', `sqld-replica-${size.posts}.log`) }));
      servers.push(replica);
      apps.push(track(await startAppInstance('B', { ...shared, DATABASE_URL: replica.url }, path.join(root, 'logs'))));
      sqldProcesses.push({ name: 'sqld replica', pids: () => [replica.pid] });
      await measure(size, 'two instances (A on primary, B on replica), round-robin', apps, sqldProcesses);
    }
  } finally {
    for (const app of apps) await app.stop();
    for (const server of servers.reverse()) await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const started = performance.now();
try {
  ensureBuild();
  console.log(`bench:scale ${new Date().toISOString()}, ${os.cpus().length} cores, ${SECONDS} s per run at 16 connections; CPU ms per request (user + system, all threads)`);
  for (const size of SIZES) {
    await onFile(size);
    await onSqld(size, size === SIZES[0]);
  }
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
console.log('\n## Pages at 16 connections\n');
console.log(results.join('\n'));
console.log('\n## Home timeline plans on sqld (EXPLAIN QUERY PLAN)\n');
console.log(plans.join('\n'));
console.log(`\nbench:scale took ${((performance.now() - started) / 60_000).toFixed(1)} min`);
