// Live notifications benchmark (figures, not pass/fail), on a server started by scripts/bench-server.ts:
//  a. delay from sending a private message to the recipient's stream event, median and p99 over 100
//     messages, (1) sent through the real HTTP path (the send-message form's server action, as a
//     browser without JavaScript posts it) and (2) written by another process, as another app instance
//     would (the server only finds it by polling);
//  b. the server's memory (RSS) with 200 idle open streams against none;
//  c. SQL queries per second the hub costs while idle, with 200 streams open and with none.
// Sessions are minted instead of 200 sign-ins, which would cost 200 bcrypt compares and trip the
// sign-in rate limit: a session row each (db/queries/diagnostics.ts, written to the server's database
// from this process) and a cookie carrying its id, made with the server's AUTH_SECRET (Auth.js's own
// encode). A cookie without a session row is refused (401), as after a logout.
// Alone: `npx tsx --conditions=react-server scripts/bench-notifications.ts` (its own server on :3292).
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { encode } from 'next-auth/jwt';
import { actionId, benchPort, serverMemoryMB, startBenchServer, summarize } from './bench-server';

const IDLE_STREAMS = 200;
const MESSAGES = 100;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface StreamEvent {
  name: string;
  data: unknown;
  receivedAt: number;
}

interface SeededUser {
  id: number;
  username: string;
}

/** The seed's users: john, susan, mary, david, then user5, user6... with ids in that order. */
const seeded = (id: number): SeededUser => ({ id, username: ['john', 'susan', 'mary', 'david'][id - 1] ?? `user${id}` });

/** A session cookie for `user` and its session row `sid`, as Auth.js would issue it after signing in. */
async function sessionCookie(secret: string, user: SeededUser, sid: string): Promise<string> {
  const name = 'authjs.session-token';
  const value = await encode({ token: { sub: String(user.id), name: user.username, sid, remember: false }, secret, salt: name });
  return `${name}=${value}`;
}

/** A minimal EventSource for Node: resolves once the response has started, then reports each event. */
async function openStream(baseURL: string, cookie: string, onEvent: (event: StreamEvent) => void = () => {}) {
  const controller = new AbortController();
  const response = await fetch(`${baseURL}/notifications/stream`, { headers: { cookie }, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`stream: HTTP ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (data) onEvent({ ...(JSON.parse(data[1]) as { name: string; data: unknown }), receivedAt: performance.now() });
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return { close: () => controller.abort() };
}

/** The events of one stream as a queue: `next()` is the next event to arrive (or one already waiting). */
function eventQueue() {
  const queued: StreamEvent[] = [];
  let waiter: ((event: StreamEvent) => void) | null = null;
  return {
    push(event: StreamEvent) {
      if (waiter) {
        const resolve = waiter;
        waiter = null;
        resolve(event);
      } else queued.push(event);
    },
    /** Forgets the events that arrived so far. */
    drain() {
      queued.length = 0;
    },
    next(timeoutMs = 10_000): Promise<StreamEvent> {
      const ready = queued.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiter = null;
          reject(new Error(`no notification within ${timeoutMs} ms`));
        }, timeoutMs);
        waiter = (event) => {
          clearTimeout(timer);
          resolve(event);
        };
      });
    },
  };
}

/** Posts the send-message form as a browser without JavaScript does (useActionState's hidden fields). */
function httpSender(baseURL: string, cookie: string) {
  const id = actionId('sendMessageAction');
  return async (recipient: string, message: string) => {
    const form = new FormData();
    form.append('$ACTION_REF_1', '');
    form.append('$ACTION_1:0', JSON.stringify({ id, bound: '$@1' }));
    form.append('$ACTION_1:1', JSON.stringify([{ status: 'idle' }]));
    form.append('recipient', recipient);
    form.append('message', message);
    const response = await fetch(`${baseURL}/send-message/${recipient}`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
      // Browsers send Origin with form posts; Next checks it against Host for server actions.
      headers: { cookie, origin: baseURL },
    });
    await response.arrayBuffer();
    if (response.status !== 303) throw new Error(`send-message answered ${response.status}, not the redirect of a sent message`);
  };
}

async function queriesPerSecond(baseURL: string, seconds: number): Promise<number> {
  const count = async () => ((await (await fetch(`${baseURL}/bench/queries`)).json()) as { queries: number }).queries;
  const before = await count();
  const started = performance.now();
  await pause(seconds * 1000);
  return ((await count()) - before) / ((performance.now() - started) / 1000);
}

/**
 * Sends `count` messages one after the other, each timed from the send to the recipient's event. A
 * random pause before each send (not timed): sending right after an event would always hit the same
 * point of the hub's poll cycle, and real messages arrive at any point of it.
 */
async function delays(send: (i: number) => Promise<void>, events: ReturnType<typeof eventQueue>, count = MESSAGES) {
  const measured: number[] = [];
  for (let i = 0; i < count; i++) {
    await pause(Math.random() * 500);
    const started = performance.now();
    const arrived = events.next();
    await send(i);
    measured.push((await arrived).receivedAt - started);
  }
  return summarize(measured);
}

export async function benchNotifications(baseURL: string, server: { pid: number; env: NodeJS.ProcessEnv }) {
  const secret = server.env.AUTH_SECRET!;
  // This process writes to the server's database: the session rows now, "another instance" below.
  process.env.DATABASE_URL = server.env.DATABASE_URL;
  process.env.RATE_LIMIT_MESSAGES_PER_ACCOUNT = server.env.RATE_LIMIT_MESSAGES_PER_ACCOUNT;
  const { mintBenchSessions } = await import('../db/queries/diagnostics');
  const users = Array.from({ length: IDLE_STREAMS + 2 }, (_, i) => seeded(i + 1));
  const sids = await mintBenchSessions(users.map((user) => user.id));
  const cookieOf = (i: number) => sessionCookie(secret, users[i], sids[i]);
  const [sender, recipient] = [users[0], users[1]];
  const senderCookie = await cookieOf(0);
  const events = eventQueue();
  const recipientStream = await openStream(baseURL, await cookieOf(1), (event) => events.push(event));
  // The current value comes first (everything newer than since=0), if there is one: drop it.
  await pause(1000);
  events.drain();

  console.log(`\n## Live notifications: send -> recipient's stream event (${MESSAGES} messages, one at a time)`);
  console.log('| path | p50 | p99 | max |');
  console.log('| --- | --- | --- | --- |');
  const post = httpSender(baseURL, senderCookie);
  const viaHttp = await delays((i) => post(recipient.username, `bench ${i}`), events);
  console.log(`| same instance: send-message form (server action over HTTP) | ${fmt(viaHttp.p50)} | ${fmt(viaHttp.p99)} | ${fmt(viaHttp.max)} |`);

  // Another instance: this process writes to the server's database; the server sees it only by polling.
  const { sendMessage } = await import('../db/queries/messages');
  const viaOther = await delays(async (i) => void (await sendMessage(sender, { recipient: recipient.username, body: `other ${i}` })), events);
  console.log(`| other instance: written by another process (found by the hub's poll) | ${fmt(viaOther.p50)} | ${fmt(viaOther.p99)} | ${fmt(viaOther.max)} |`);
  recipientStream.close();

  await pause(2000);
  const idleQps = await queriesPerSecond(baseURL, 5);
  const rssBefore = serverMemoryMB(server.pid, 'VmRSS');

  const cookies = await Promise.all(Array.from({ length: IDLE_STREAMS }, (_, i) => cookieOf(i + 2)));
  const streams = await Promise.all(cookies.map((cookie) => openStream(baseURL, cookie)));
  await pause(3000);
  const rssWith = serverMemoryMB(server.pid, 'VmRSS');
  const streamQps = await queriesPerSecond(baseURL, 10);
  // Again after those 10 s, once the garbage of opening 200 requests has had time to be collected.
  const rssSettled = serverMemoryMB(server.pid, 'VmRSS');
  // While they are open, the delay again (a stream of its own for the recipient).
  const again = eventQueue();
  const busyStream = await openStream(baseURL, await cookieOf(1), (event) => again.push(event));
  await pause(1000);
  again.drain(); // its current value
  const withStreams = await delays((i) => post(recipient.username, `busy ${i}`), again, 30);
  busyStream.close();
  for (const stream of streams) stream.close();
  await pause(2000);
  const afterQps = await queriesPerSecond(baseURL, 5);
  // Memory the streams held and was freed, against heap growth that stays (V8 keeps its pages).
  const rssAfter = serverMemoryMB(server.pid, 'VmRSS');

  console.log(`\n## Live notifications: ${IDLE_STREAMS} idle streams (one user each)`);
  console.log('| measure | no streams | 200 streams | after closing them |');
  console.log('| --- | --- | --- | --- |');
  const perStream = (rss: number) => `${rss.toFixed(0)} MB (+${(rss - rssBefore).toFixed(1)} MB, ${(((rss - rssBefore) * 1024) / IDLE_STREAMS).toFixed(0)} KB per stream)`;
  console.log(`| server RSS | ${rssBefore.toFixed(0)} MB | 3 s after opening: ${perStream(rssWith)}; 13 s after: ${perStream(rssSettled)} | ${rssAfter.toFixed(0)} MB |`);
  console.log(`| SQL queries per second while idle | ${idleQps.toFixed(2)} | ${streamQps.toFixed(2)} (poll interval 400 ms = 2.5/s) | ${afterQps.toFixed(2)} |`);
  console.log(`| send -> event, same instance, 30 messages | - | p50 ${fmt(withStreams.p50)}, p99 ${fmt(withStreams.p99)} | - |`);
  console.log(`server peak memory (VmHWM) so far: ${serverMemoryMB(server.pid, 'VmHWM').toFixed(0)} MB`);
}

// Run alone: a server of its own on a small seeded database.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = await benchPort(3292);
  const server = await startBenchServer(port, (env) => {
    const args = ['tsx', '--conditions=react-server', 'scripts/db-seed.ts', '--users', String(IDLE_STREAMS + 10), '--posts', '1000', '--follows', '5'];
    if (spawnSync('npx', args, { stdio: 'inherit', env }).status !== 0) throw new Error('seeding failed');
  });
  try {
    console.log(`Benchmark server ${server.baseURL} (pid ${server.pid}), ${new Date().toISOString()}`);
    await benchNotifications(server.baseURL, server);
  } finally {
    await server.stop();
  }
}
