import http from 'node:http';
import type { APIRequestContext } from '@playwright/test';
import { expect, signedInUser, test } from './fixtures';

const COMMON = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** The headers every HTML response must carry; `kind` says how its scripts are allowed. Returns the CSP. */
function expectHeaders(headers: Record<string, string>, kind: 'nonce' | 'hashes'): string {
  expect(headers).toMatchObject(COMMON);
  expect(headers['permissions-policy']).toContain('camera=()');
  const csp = headers['content-security-policy'] ?? '';
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
  if (kind === 'nonce') expect(csp).toContain("'strict-dynamic'");
  else expect(csp).not.toMatch(/'nonce-|'strict-dynamic'/);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  // Plain http: no HSTS (e2e/limits.spec.ts checks it over HTTPS through a trusted proxy).
  expect(headers['strict-transport-security']).toBeUndefined();
  return csp;
}

/** A page rendered per request: its CSP's nonce, which Next.js put on the page's scripts. */
function expectPageHeaders(headers: Record<string, string>): string {
  return /'nonce-([^']+)'/.exec(expectHeaders(headers, 'nonce'))?.[1] ?? '';
}

/** The SHA-256 sources a policy lists for a page's inline scripts, and those its inline scripts need. */
async function inlineScriptHashes(html: string, csp: string) {
  const listed = [...csp.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]).sort();
  const needed = new Set<string>();
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc=/.test(attributes) || !body) continue;
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
    needed.add(Buffer.from(digest).toString('base64'));
  }
  return { listed, needed: [...needed].sort() };
}

/**
 * Signed out: pages built once for everyone (login, register, reset request) are the same file for
 * every request, and their policy lists exactly the hashes of its inline scripts (no nonce).
 */
async function expectPrerenderedPages(request: APIRequestContext) {
  for (const path of ['/login', '/register', '/reset-password']) {
    const first = await request.get(path);
    const csp = expectHeaders(first.headers(), 'hashes');
    const html = await first.text();
    expect(html, path).not.toContain('nonce=');
    const { listed, needed } = await inlineScriptHashes(html, csp);
    expect(needed.length, path).toBeGreaterThan(0);
    expect(listed, path).toEqual(needed);
    expect(await (await request.get(`${path}?next=/explore`)).text(), path).toBe(html);
    // Stored by a browser, then only revalidated: an unchanged page answers 304 without a body.
    const etag = first.headers().etag;
    expect(etag, path).toBeTruthy();
    expect((await request.get(path, { headers: { 'if-none-match': etag } })).status(), path).toBe(304);
  }
}

test('every kind of response carries the security headers', async ({ page, baseURL, request }) => {
  test.slow();
  await expectPrerenderedPages(page.request);
  // A page rendered per request (an invalid reset link, signed out): a fresh nonce each time, on its scripts.
  const rendered = await page.request.get('/reset-password/not-a-token');
  const nonce = expectPageHeaders(rendered.headers());
  expect(await rendered.text()).toContain(`nonce="${nonce}"`);
  expect(expectPageHeaders((await page.request.get('/reset-password/not-a-token')).headers())).not.toBe(nonce);
  // 404, signed out.
  const missing = await page.request.get('/no-such-page');
  expect(missing.status()).toBe(404);
  expectPageHeaders(missing.headers());

  const user = await signedInUser(page);
  // An action that refreshes pages (a new post) leaves the prerendered pages as built: their policy
  // still matches what they serve (a regenerated page would have other inline scripts).
  await page.getByLabel('Say something').fill(`csp check ${user.username}`);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Your post is now live!')).toBeVisible();
  await expectPrerenderedPages(request);
  for (const path of ['/', `/user/${user.username}`, '/messages', '/settings', '/no-such-page', '/test-error']) {
    const response = await page.request.get(path);
    expect([200, 404, 500], path).toContain(response.status());
    expectPageHeaders(response.headers());
  }
  // 413: a body over the limit.
  const tooLarge = await page.request.post('/', { data: 'x'.repeat(1_100_000), headers: { 'content-type': 'text/plain' } });
  expect(tooLarge.status()).toBe(413);
  expectPageHeaders(tooLarge.headers());
  // JSON: the popover's data and the polling endpoint.
  for (const path of [`/user/${user.username}/popup`, '/notifications?since=0']) {
    const json = await page.request.get(path);
    expect(json.headers()['content-type']).toContain('application/json');
    expect(json.headers()).toMatchObject(COMMON);
  }
  // The event stream: read its headers, then hang up.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const stream = await new Promise<http.IncomingMessage>((resolve, reject) =>
    http.get(`${baseURL}/notifications/stream`, { headers: { cookie, accept: 'text/event-stream' } }, resolve).on('error', reject),
  );
  stream.destroy();
  expect(stream.statusCode).toBe(200);
  expect(stream.headers['content-type']).toContain('text/event-stream');
  expect(stream.headers).toMatchObject(COMMON);
});

test('a page on another origin cannot show a signed-in page in a frame', async ({ page, baseURL }) => {
  test.slow();
  const user = await signedInUser(page);
  // Another local port is another origin (and the same site, so the session cookie would go along).
  const framing = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>framing</title><iframe src="${baseURL}/" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => framing.listen(Number(new URL(baseURL!).port) + 2, '127.0.0.1', resolve));
  try {
    const framingURL = `http://127.0.0.1:${(framing.address() as { port: number }).port}/`;
    const blocked = page.waitForEvent('framenavigated', (frame) => frame !== page.mainFrame() && frame.url().startsWith('chrome-error://'));
    await page.goto(framingURL);
    await blocked;
    await expect(page.frameLocator('iframe').getByRole('heading', { name: `Hi, ${user.username}!` })).toHaveCount(0);
    // The same page opened directly is signed in: the frame was refused, not signed out.
    await page.goto('/');
    await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  } finally {
    await new Promise((resolve) => framing.close(resolve));
  }
});
