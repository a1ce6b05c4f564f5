// `npm run bench:scale [-- --large]`: figures, not pass/fail. Measures the home timeline (pages 1 and
// 40), explore and the user popover's endpoint at 16 connections on:
//   (a) one instance on the embedded file, (b) one instance on a sqld primary, (c) two instances on
//   sqld (A on the primary, B on a replica) behind nginx (skipped with a message without nginx);
// with 1,000 users / 100,000 posts / 50 follows each, and with `--large` also ten times that (10,000
// users / 1,000,000 posts / 100 follows each). Each size is seeded once into a file (seed time and
// size printed); sqld starts on a copy of that file. For each run it prints requests/s, p50, p99 and
// the CPU each process used (app instances, sqld, nginx, the load generator), then both sizes side by
// side and the EXPLAIN QUERY PLAN of the pages' queries on the file and on sqld.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { load, warmUp } from './bench-load';
import { deepPagePath, signIn } from './bench-session';
import { cpuMs, finishedChildrenCpuMs, groupPids } from './process-stats';
import { ensureBuild, migrate, sharedInstanceEnv, startAppInstance, type AppInstance } from './scale/app-instance';
import { nginxBinary, startNginx } from './scale/nginx';
import { importDatabaseFile, startSqld, type Sqld } from './sqld/server';

interface DataSize {
  label: string;
  users: number;
  posts: number;
  follows: number;
}
const SMALL: DataSize = { label: '100k posts', users: 1_000, posts: 100_000, follows: 50 };
const LARGE: DataSize = { label: '1M posts', users: 10_000, posts: 1_000_000, follows: 100 };
const { values: flags } = parseArgs({ options: { large: { type: 'boolean', default: false } } });
const SIZES = flags.large ? [SMALL, LARGE] : [SMALL];
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const PAGES = ['home, page 1', 'home, page 40', 'explore', 'popover JSON'] as const;
const SETUPS = ['(a) one instance, embedded file', '(b) one instance, sqld primary', '(c) two instances on sqld (primary + replica) behind nginx'] as const;
type Setup = (typeof SETUPS)[number];

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-bench-scale-'));
const logs = path.join(root, 'logs');
const shared = { ...sharedInstanceEnv(), MICROBLOG_BENCH_ROUTES: '1' };
const nginx = nginxBinary();

interface Figure {
  rps: number;
  p50: number;
  p99: number;
}
const figures = new Map<string, Figure>(); // by `${size} | ${setup} | ${page}`
const detail: string[] = ['| data | setup | page | req/s | p50 ms | p99 ms | errors | CPU ms per request, by process |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
const seeds: string[] = [];
const plans: string[] = [];
const statementMs = new Map<string, Map<string, number>>(); // statement name -> `${size} on ${where}` -> median ms

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
async function stopAll() {
  for (const started of [...running].reverse()) await started.stop();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    console.error(`\n${signal}: stopping ${running.size} server(s)`);
    await stopAll();
    fs.rmSync(root, { recursive: true, force: true });
    process.exit(130);
  });
}

function sizeMB(where: string): number {
  const files = fs.statSync(where).isDirectory() ? fs.readdirSync(where, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)) : [where];
  return files.reduce((sum, file) => sum + fs.statSync(file).size, 0) / 1024 / 1024;
}

function note(line: string) {
  seeds.push(line);
  console.log(line);
}

/** Migrates and seeds the file `file` in a child process (as `npm run db:seed`); prints time and size. */
function seedFile(size: DataSize, file: string) {
  const env = { DATABASE_URL: `file:${file}` };
  migrate(env);
  const started = performance.now();
  const cpuBefore = finishedChildrenCpuMs();
  const args = ['--conditions=react-server', 'scripts/db-seed.ts', '--users', String(size.users), '--posts', String(size.posts), '--follows', String(size.follows)];
  const result = spawnSync('node_modules/.bin/tsx', args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error('seeding failed');
  const seconds = (performance.now() - started) / 1000;
  const cpu = (finishedChildrenCpuMs() - cpuBefore) / 1000;
  note(`${size.label}: seeded ${size.users} users, ${size.posts} posts, ${size.follows} follows each into the file in ${seconds.toFixed(1)} s (${cpu.toFixed(1)} s of CPU); ${sizeMB(file).toFixed(0)} MB`);
}

interface Measured {
  name: string;
  pids: () => number[];
}

interface Cursors {
  home40: string;
  explore40: string;
}

/** Runs every page against `baseURL` and records the figures, with the CPU of `processes`. */
async function measure(size: DataSize, setup: Setup, baseURL: string, processes: Measured[]): Promise<Cursors> {
  const { cookie, ok } = await signIn(baseURL);
  if (!ok) throw new Error(`john could not sign in on ${baseURL}`);
  const home40 = await deepPagePath(baseURL, cookie, 40);
  const explore40 = await deepPagePath(baseURL, cookie, 40, '/explore');
  const paths: Record<(typeof PAGES)[number], string> = { 'home, page 1': '/', 'home, page 40': home40, explore: '/explore', 'popover JSON': '/user/susan/popup' };
  for (const page of PAGES) {
    const target = { name: page, path: paths[page], cookie };
    await warmUp(baseURL, target);
    const before = processes.map((p) => cpuMs(p.pids()));
    const loadBefore = process.cpuUsage();
    const r = await load(baseURL, target, SECONDS);
    const loadCpu = process.cpuUsage(loadBefore);
    // Per request when requests completed; else the whole run's CPU ms (a starved machine).
    const requests = r.rps * SECONDS;
    const per = (ms: number) => (requests >= 1 ? (ms / requests).toFixed(2) : `${ms.toFixed(0)} in total`);
    const cpu = processes.map((p, i) => `${p.name} ${per(cpuMs(p.pids()) - before[i])}`);
    cpu.push(`load generator ${per((loadCpu.user + loadCpu.system) / 1000)}`);
    figures.set(`${size.label} | ${setup} | ${page}`, { rps: r.rps, p50: r.p50, p99: r.p99 });
    const line = `| ${size.label} | ${setup} | ${page} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${cpu.join(', ')} |`;
    detail.push(line);
    console.log(line);
  }
  const cursor = (p: string) => new URLSearchParams(p.split('?')[1]).get('before');
  return { home40: cursor(home40)!, explore40: cursor(explore40)! };
}

/**
 * The pages' query plans through this process's data layer pointed at `url` (db/queries/diagnostics.ts),
 * and each statement's median time, recorded under `column`.
 */
async function explain(url: string, cursors: Cursors, column: string): Promise<string> {
  process.env.DATABASE_URL = url;
  const { closeDb } = await import('../db/client');
  const { explainPageQueries } = await import('../db/queries/diagnostics');
  try {
    const found = await explainPageQueries({ viewer: 'john', profile: 'susan', homeBefore: cursors.home40, exploreBefore: cursors.explore40 });
    for (const p of found) statementMs.set(p.name, (statementMs.get(p.name) ?? new Map()).set(column, p.medianMs));
    return found.map((p) => [`-- ${p.name}`, ...p.plan].join('\n')).join('\n');
  } finally {
    closeDb();
  }
}

/** Resolves once the server at `url` has answered a query (it opens its database on the first one). */
async function firstQuery(url: string) {
  const body = JSON.stringify({ requests: [{ type: 'execute', stmt: { sql: 'select count(*) from user' } }, { type: 'close' }] });
  const response = await fetch(`${url}/v2/pipeline`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (!response.ok) throw new Error(`sqld at ${url} answered ${response.status}: ${await response.text()}`);
}

const appProcess = (app: AppInstance): Measured => ({ name: `app ${app.name}`, pids: () => groupPids(app.pid) });

async function benchSize(size: DataSize) {
  const dir = path.join(root, `${size.posts}`);
  const file = path.join(dir, 'seeded.db');
  fs.mkdirSync(dir, { recursive: true });
  seedFile(size, file);
  const sqldDir = path.join(dir, 'primary');
  const copyStarted = performance.now();
  await importDatabaseFile(file, sqldDir);
  const copySeconds = (performance.now() - copyStarted) / 1000;

  // (a) The embedded file.
  const app = track(await startAppInstance('F', { ...shared, DATABASE_URL: `file:${file}` }, logs));
  const cursors = await measure(size, SETUPS[0], app.baseURL, [appProcess(app)]);
  await app.stop();
  const filePlans = await explain(`file:${file}`, cursors, `${size.label}, file`);

  // (b) One instance on a sqld primary started on a copy of the seeded file.
  const sqldStarted = performance.now();
  const primary: Sqld = track(await startSqld({ dir: sqldDir, log: path.join(logs, `sqld-${size.posts}.log`) }));
  await firstQuery(primary.url);
  note(`${size.label}: sqld loaded it by copying the file (${copySeconds.toFixed(1)} s) and starting on the copy (${((performance.now() - sqldStarted) / 1000).toFixed(1)} s to its first answer, replication log rebuilt); ${sizeMB(sqldDir).toFixed(0)} MB in its folder`);
  const sqldProcesses: Measured[] = [{ name: 'sqld primary', pids: () => [primary.pid] }];
  const a = track(await startAppInstance('A', { ...shared, DATABASE_URL: primary.url }, logs));
  await measure(size, SETUPS[1], a.baseURL, [appProcess(a), ...sqldProcesses]);
  const sqldPlans = await explain(primary.url, cursors, `${size.label}, sqld`);
  plans.push(`### ${size.label}, embedded file${sqldPlans === filePlans ? ' and sqld (the same plans)' : ''}\n\n\`\`\`\n${filePlans}\n\`\`\``);
  if (sqldPlans !== filePlans) plans.push(`### ${size.label}, sqld\n\n\`\`\`\n${sqldPlans}\n\`\`\``);

  // (c) A second instance on a replica; nginx spreads the connections over both.
  if (!nginx) {
    console.log(`${SETUPS[2]}: skipped, nginx is not installed (Debian: apt-get install nginx).`);
  } else {
    const replicaStarted = performance.now();
    const replica = track(await startSqld({ dir: path.join(dir, 'replica'), primaryGrpcUrl: primary.grpcUrl, log: path.join(logs, `sqld-replica-${size.posts}.log`) }));
    const b = track(await startAppInstance('B', { ...shared, DATABASE_URL: replica.url }, logs));
    note(`${size.label}: the replica and instance B answered ${((performance.now() - replicaStarted) / 1000).toFixed(1)} s after the replica started`);
    const proxy = track(await startNginx(nginx, [a.baseURL, b.baseURL], path.join(root, `nginx-${size.posts}`)));
    await measure(size, SETUPS[2], proxy.url, [
      appProcess(a),
      appProcess(b),
      ...sqldProcesses,
      { name: 'sqld replica', pids: () => [replica.pid] },
      { name: 'nginx', pids: () => groupPids(proxy.pid) },
    ]);
  }
  await stopAll();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Both sizes side by side: req/s, p50 and p99 per setup and page, and page 40 against page 1. */
function sideBySide(): string {
  const head = `| setup | page | ${SIZES.map((s) => `${s.label}: req/s, p50, p99 ms`).join(' | ')} |`;
  const rows = [head, `| --- | --- |${SIZES.map(() => ' --- |').join('')}`];
  for (const setup of SETUPS) {
    for (const page of PAGES) {
      const cells = SIZES.map((s) => {
        const f = figures.get(`${s.label} | ${setup} | ${page}`);
        return f ? `${f.rps.toFixed(0)}, ${f.p50}, ${f.p99}` : '-';
      });
      if (cells.some((c) => c !== '-')) rows.push(`| ${setup} | ${page} | ${cells.join(' | ')} |`);
    }
    const ratios = SIZES.map((s) => {
      const [p1, p40] = [figures.get(`${s.label} | ${setup} | home, page 1`), figures.get(`${s.label} | ${setup} | home, page 40`)];
      return p1 && p40 && p40.rps > 0 ? `${(p1.rps / p40.rps).toFixed(2)}x` : '-';
    });
    if (ratios.some((c) => c !== '-')) rows.push(`| ${setup} | page 40 costs page 1 times | ${ratios.join(' | ')} |`);
  }
  return rows.join('\n');
}

/** Each statement's median time per size and database, in columns. */
function statementTimes(): string {
  const columns = SIZES.flatMap((s) => [`${s.label}, file`, `${s.label}, sqld`]);
  const rows = [`| statement | ${columns.join(' | ')} |`, `| --- |${columns.map(() => ' --- |').join('')}`];
  for (const [name, byColumn] of statementMs) rows.push(`| ${name} | ${columns.map((c) => byColumn.get(c)?.toFixed(2) ?? '-').join(' | ')} |`);
  return rows.join('\n');
}

const started = performance.now();
try {
  ensureBuild();
  console.log(`bench:scale ${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.versions.node}, load average ${os.loadavg()[0].toFixed(1)}, ${SECONDS} s per run at 16 connections; CPU ms per request (user + system, all threads)`);
  for (const size of SIZES) await benchSize(size);
} finally {
  await stopAll();
  fs.rmSync(root, { recursive: true, force: true });
}
console.log(`\n## Seeding\n\n${seeds.map((s) => `- ${s}`).join('\n')}`);
console.log(`\n## Pages at 16 connections\n\n${detail.join('\n')}`);
console.log(`\n## Side by side\n\n${sideBySide()}`);
console.log(`\n## Statement times (ms, median of 25 in a row from the benchmark's process; on sqld with the HTTP round trip)\n\n${statementTimes()}`);
console.log(`\n## Query plans (EXPLAIN QUERY PLAN of the data layer's statements)\n\n${plans.join('\n\n')}`);
console.log(`\nbench:scale took ${((performance.now() - started) / 60_000).toFixed(1)} min, load average now ${os.loadavg()[0].toFixed(1)}`);
