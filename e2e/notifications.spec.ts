import type { BrowserContext, Page, Request } from '@playwright/test';
import { expect, signedInUser, test } from './fixtures';

/** The navigation's Messages link; its accessible name says the count ("Messages, 3 unread"). */
const messagesLink = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Messages/ });
/** The red count inside it: always in the page, not displayed at 0. */
const badge = (page: Page) => messagesLink(page).locator('.badge');

async function sendMessage(page: Page, to: string, text: string) {
  await page.goto(`/send-message/${to}`);
  await page.getByLabel('Message').fill(text);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Your message has been sent.')).toBeVisible();
}

const isStream = (request: Request) => new URL(request.url()).pathname === '/notifications/stream';

/**
 * The /notifications/stream requests of a context: how many were open at once (at most) and which
 * are open now. A stream request ends with "requestfinished" when the server closes it and
 * "requestfailed" when the page drops it; a closed tab's request may get neither, so `openNow`
 * leaves out the requests of closed pages.
 */
function trackStreams(context: BrowserContext) {
  const open = new Set<Request>();
  const stats = {
    total: 0,
    mostAtOnce: 0,
    openNow: () => [...open].filter((request) => !request.frame().page().isClosed()).length,
  };
  context.on('request', (request) => {
    if (!isStream(request)) return;
    open.add(request);
    stats.total++;
    stats.mostAtOnce = Math.max(stats.mostAtOnce, open.size);
  });
  const ended = (request: Request) => open.delete(request);
  context.on('requestfinished', ended);
  context.on('requestfailed', ended);
  return stats;
}

test('the Messages badge appears live when a message arrives, and clears in the inbox', async ({ browser }) => {
  const [contextA, contextB] = [await browser.newContext(), await browser.newContext()];
  const [pageA, pageB] = [await contextA.newPage(), await contextB.newPage()];
  const b = await signedInUser(pageB, 'badge');
  await expect(messagesLink(pageB)).toHaveAccessibleName('Messages');
  await expect(badge(pageB)).toBeHidden();
  // A marker on window survives live updates, not a reload.
  await pageB.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

  await signedInUser(pageA, 'sender');
  await sendMessage(pageA, b.username, 'Are you there?');
  await expect(badge(pageB)).toHaveText('1', { timeout: 2000 });
  await expect(badge(pageB)).toBeVisible();
  await expect(messagesLink(pageB)).toHaveAccessibleName('Messages, 1 unread');
  await expect(pageB.getByRole('status').filter({ hasText: 'You have 1 unread message.' })).toBeAttached();
  expect(await pageB.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

  await messagesLink(pageB).click();
  await expect(pageB.getByRole('heading', { name: 'Messages' })).toBeVisible();
  await expect(pageB.getByText('Are you there?')).toBeVisible();
  await expect(badge(pageB)).toBeHidden();
  await expect(messagesLink(pageB)).toHaveAccessibleName('Messages');
  await Promise.all([contextA.close(), contextB.close()]);
});

test('eight tabs share one live connection and all show the badge; another tab takes over when the leader closes', async ({ browser }) => {
  // Nine pages and two sign-ups: about three normal tests' work, so three times the time budget
  // (it ran out on a loaded machine, with every step just slow).
  test.slow();
  const [contextA, contextB] = [await browser.newContext(), await browser.newContext()];
  const streams = trackStreams(contextB);
  const first = await contextB.newPage();
  const b = await signedInUser(first, 'tabs');
  // The first tab stays on its page (a navigation would hand the connection over to a new document).
  const tabs = [first];
  for (let i = 1; i < 8; i++) {
    const tab = await contextB.newPage();
    await tab.goto('/');
    await expect(messagesLink(tab)).toBeVisible();
    tabs.push(tab);
  }
  for (const tab of tabs) await expect(badge(tab)).toBeHidden();

  const pageA = await contextA.newPage();
  await signedInUser(pageA, 'sender');
  await sendMessage(pageA, b.username, 'Hello, all of you');
  for (const tab of tabs) {
    await expect(badge(tab)).toHaveText('1');
    await expect(badge(tab)).toBeVisible();
  }
  // One tab (the first, which asked first) leads and holds the stream; the seven others get its
  // events over a BroadcastChannel.
  expect(streams.total).toBe(1);
  expect(streams.mostAtOnce).toBe(1);

  // The leader closes: one of the others takes the lock and opens the stream from the newest stamp it has.
  await first.close();
  await sendMessage(pageA, b.username, 'Still there?');
  for (const tab of tabs.slice(1)) await expect(badge(tab)).toHaveText('2');
  expect(streams.openNow()).toBe(1);
  expect(streams.total).toBe(2);
  await Promise.all([contextA.close(), contextB.close()]);
});

test('without the stream (blocked by a proxy), the badge still updates by polling', async ({ browser }) => {
  const [contextA, contextB] = [await browser.newContext(), await browser.newContext()];
  await contextB.route('**/notifications/stream**', (route) => route.abort());
  const pageB = await contextB.newPage();
  const polled = pageB.waitForRequest((request) => new URL(request.url()).pathname === '/notifications');
  const b = await signedInUser(pageB, 'polled');
  // The stream failed enough times: the tab polls /notifications?since= instead.
  expect(new URL((await polled).url()).searchParams.has('since')).toBe(true);
  await expect(badge(pageB)).toBeHidden();

  const pageA = await contextA.newPage();
  await signedInUser(pageA, 'sender');
  await sendMessage(pageA, b.username, 'Polling works too');
  // One polling interval (1.5 s) and a request.
  await expect(badge(pageB)).toHaveText('1', { timeout: 5000 });
  await expect(badge(pageB)).toBeVisible();
  await Promise.all([contextA.close(), contextB.close()]);
});

test('notification endpoints: JSON 401 when anonymous, the reference’s list, an unbuffered event stream', async ({ page, request }) => {
  for (const path of ['/notifications', '/notifications?since=0', '/notifications/stream']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: 'Unauthorized' });
  }

  await signedInUser(page, 'endpoints');
  for (const since of ['', '?since=0', '?since=abc', '?since=-1']) {
    const response = await page.request.get(`/notifications${since}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
    expect(await response.json()).toEqual([]);
  }

  // A tab that expects another account (the browser signed in as someone else since) gets nothing.
  for (const path of ['/notifications?uid=999999999', '/notifications/stream?uid=999999999']) {
    expect((await page.request.get(path)).status()).toBe(401);
  }

  // The first bytes arrive while the stream is still open: nothing buffers or compresses it.
  const opened = await page.evaluate(async () => {
    const response = await fetch('/notifications/stream');
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    return { first, type: response.headers.get('content-type'), cache: response.headers.get('cache-control') };
  });
  expect(opened).toEqual({ first: 'retry: 2000\n\n', type: 'text/event-stream; charset=utf-8', cache: 'no-cache, no-transform' });
});

test('after the server ends the stream (a restart), the tab reconnects and misses nothing', async ({ browser }) => {
  const [contextA, contextB] = [await browser.newContext(), await browser.newContext()];
  const streams = trackStreams(contextB);
  const pageB = await contextB.newPage();
  const firstStream = pageB.waitForRequest(isStream);
  const b = await signedInUser(pageB, 'restart');
  await firstStream;
  const pageA = await contextA.newPage();
  await signedInUser(pageA, 'sender');

  // B's stream ends as in a restart; the message is sent while the tab may still be reconnecting.
  const ended = await pageB.request.post('/test-drop-streams');
  expect((await ended.json()).ended).toBeGreaterThanOrEqual(1);
  await sendMessage(pageA, b.username, 'Sent during the reconnect');
  await expect(badge(pageB)).toHaveText('1');
  expect(streams.total).toBeGreaterThanOrEqual(2);

  // And the new stream is live: the next message arrives without another reconnect.
  await sendMessage(pageA, b.username, 'And after it');
  await expect(badge(pageB)).toHaveText('2', { timeout: 2000 });
  await Promise.all([contextA.close(), contextB.close()]);
});
