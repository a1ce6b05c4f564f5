// `npm start` on every core: the production start (scripts/start.mjs) with WEB_CONCURRENCY=2 on a free
// port and a fresh file database. Which process serves a connection is read from the operating system
// (`ss -p`: the owner of the server side of our client port), not from anything the app would say.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, newUser, register, test } from '../fixtures';
import { actionId } from '../../scripts/bench-server';
import { ensureBuild, sharedInstanceEnv, startAppInstance, type AppInstance } from '../../scripts/scale/app-instance';

const { encodeReply } = createRequire(import.meta.url)('next/dist/compiled/react-server-dom-webpack/client.node.js') as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

let dir: string;
let app: AppInstance;
let port: number;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-cluster-e2e-'));
  ensureBuild();
  app = await startAppInstance('cluster', { ...sharedInstanceEnv(), DATABASE_URL: `file:${path.join(dir, 'app.db')}` }, dir, { workers: 2 });
  port = Number(new URL(app.baseURL).port);
});

test.afterAll(async () => {
  await app?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The pids of the primary's children: the server workers (the migration step has exited by then). */
function workerPids(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(app.pid)], { encoding: 'utf8' });
  return out.split('\n').map((s) => Number(s.trim())).filter(Boolean).sort();
}

/** The worker holding the server side of the connection from our local `clientPort`. */
function servingWorker(clientPort: number, workers: number[]): number | undefined {
  const out = execFileSync('ss', ['-tnpH', 'state', 'established', `( sport = :${port} and dport = :${clientPort} )`], { encoding: 'utf8' });
  return [...out.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])).find((pid) => workers.includes(pid));
}

/** A GET on a fresh keep-alive connection; resolves with the worker that owns it and the agent to reuse it. */
async function connectionOn(workers: number[]): Promise<{ agent: http.Agent; worker: number | undefined }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const worker = await new Promise<number | undefined>((resolve, reject) => {
    http
      .get(`${app.baseURL}/login`, { agent }, (res) => {
        const clientPort = res.socket.localPort!;
        res.resume();
        res.on('end', () => resolve(servingWorker(clientPort, workers)));
      })
      .on('error', reject);
  });
  return { agent, worker };
}

async function signIn(page: Page, prefix: string) {
  const user = newUser(prefix);
  await page.goto(`${app.baseURL}/register`);
  await register(page, user);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign In' }).click();
  await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  return { user, cookie };
}

test('WEB_CONCURRENCY=2 runs two server processes under one primary, and both serve', async () => {
  const workers = workerPids();
  expect(workers).toHaveLength(2);
  // The primary hands connections out in turn: a few fresh connections reach both workers.
  const seen = new Set<number | undefined>();
  for (let i = 0; i < 10 && seen.size < 2; i++) {
    const { agent, worker } = await connectionOn(workers);
    agent.destroy();
    seen.add(worker);
  }
  expect([...seen].sort()).toEqual(workers);
});

test('a message sent through one worker reaches a live stream and the badge held by the other', async ({ browser }) => {
  test.setTimeout(120_000);
  const workers = workerPids();
  const recipientPage = await browser.newPage({ baseURL: app.baseURL });
  const recipient = await signIn(recipientPage, 'rcpt');
  const senderPage = await browser.newPage({ baseURL: app.baseURL });
  const sender = await signIn(senderPage, 'sndr');

  // The recipient's event stream, on a connection whose worker we know.
  const events: string[] = [];
  const stream = await new Promise<{ req: http.ClientRequest; worker: number | undefined }>((resolve, reject) => {
    const req = http.get(`${app.baseURL}/notifications/stream`, { agent: false, headers: { cookie: recipient.cookie, accept: 'text/event-stream' } }, (res) => {
      expect(res.statusCode).toBe(200);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => events.push(chunk));
      resolve({ req, worker: servingWorker(res.socket.localPort!, workers) });
    });
    req.on('error', reject);
  });
  expect(workers).toContain(stream.worker);

  // The sender's message, sent as the page's script sends the form (a server action call: the
  // arguments [previous state, form data] in React's encoding, by Next's own copy of React's client),
  // on a connection of the other worker.
  let sending: http.Agent | undefined;
  for (let i = 0; i < 20 && !sending; i++) {
    const { agent, worker } = await connectionOn(workers);
    if (worker !== undefined && worker !== stream.worker) sending = agent;
    else agent.destroy();
  }
  expect(sending, 'a connection served by the other worker').toBeDefined();
  const form = new FormData();
  form.set('recipient', recipient.user.username);
  form.set('message', 'across workers');
  const body = new Request('http://localhost/', { method: 'POST', body: (await encodeReply([{ status: 'idle' }, form])) as FormData });
  const reply = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const headers = { cookie: sender.cookie, origin: app.baseURL, accept: 'text/x-component', 'next-action': actionId('sendMessageAction'), 'content-type': body.headers.get('content-type')! };
    const req = http.request(`${app.baseURL}/send-message/${recipient.user.username}`, { method: 'POST', agent: sending, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    body.arrayBuffer().then((bytes) => req.end(Buffer.from(bytes)), reject);
  });
  sending!.destroy();
  expect(reply.status).toBeLessThan(400); // the action's redirect comes as a header of a 200 to a script
  expect(reply.text).not.toContain('"status":"error"');
  const sent = Date.now(); // committed by now: the other worker's hub finds it at its next poll
  await expect.poll(() => events.join('').includes('unread_message_count'), { timeout: 2_000, intervals: [50] }).toBe(true);
  console.log(`cluster: message sent on one worker reached a stream on the other ${Date.now() - sent} ms after the reply`);
  stream.req.destroy();

  // And as the recipient sees it: the Messages badge of the open page (whichever worker holds its stream).
  await expect(recipientPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Messages/ }).locator('.badge')).toHaveText('1', { timeout: 2_000 });
  await Promise.all([recipientPage.context().close(), senderPage.context().close()]);
});

test('the primary replaces a worker that dies, and stops every worker on SIGTERM', async () => {
  const before = workerPids();
  process.kill(before[0], 'SIGKILL');
  await expect.poll(() => workerPids().filter((pid) => !before.includes(pid)).length, { timeout: 20_000 }).toBe(1);
  await expect.poll(async () => (await fetch(`${app.baseURL}/login`)).status, { timeout: 30_000 }).toBe(200);
  const workers = workerPids();
  process.kill(app.pid, 'SIGTERM'); // the primary only, as systemd's KillMode=mixed would send it
  await expect.poll(() => [app.pid, ...workers].filter((pid) => fs.existsSync(`/proc/${pid}`)).length, { timeout: 20_000 }).toBe(0);
});
