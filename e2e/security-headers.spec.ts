import http from 'node:http';
import { expect, signedInUser, test } from './fixtures';

const COMMON = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** The headers every HTML response must carry, with a CSP whose nonce is returned. */
function expectPageHeaders(headers: Record<string, string>): string {
  expect(headers).toMatchObject(COMMON);
  expect(headers['permissions-policy']).toContain('camera=()');
  const csp = headers['content-security-policy'] ?? '';
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "'strict-dynamic'"]) expect(csp).toContain(directive);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  // Plain http: no HSTS (e2e/limits.spec.ts checks it over HTTPS through a trusted proxy).
  expect(headers['strict-transport-security']).toBeUndefined();
  return /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
}

test('every kind of response carries the security headers', async ({ page, baseURL }) => {
  test.slow();
  // Signed out: the login page, with a fresh nonce per request that Next.js puts on its scripts.
  const login = await page.request.get('/login');
  const nonce = expectPageHeaders(login.headers());
  expect(await login.text()).toContain(`nonce="${nonce}"`);
  expect(expectPageHeaders((await page.request.get('/login')).headers())).not.toBe(nonce);
  // 404, signed out.
  const missing = await page.request.get('/no-such-page');
  expect(missing.status()).toBe(404);
  expectPageHeaders(missing.headers());

  const user = await signedInUser(page);
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
