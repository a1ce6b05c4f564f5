import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE_NAMES } from '../app/lib/session-cookie';
import { contentSecurityPolicy } from './content-security-policy.mjs';
import { inlineScriptHashes, prerenderedPageServer } from './prerendered-pages.mjs';

const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('base64');

describe('inlineScriptHashes', () => {
  it('hashes the exact text of each inline script, once, and skips external and empty ones', () => {
    const html = [
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
      '<script id="x">self.__next_f.push([1,"é \\u003c/b\\u003e"])</script>',
      '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
      '<SCRIPT type="module" >\nlet a = 1;\n</SCRIPT>',
      '<script></script>',
    ].join('');
    expect(inlineScriptHashes(html)).toEqual([
      sha256('(self.__next_f=self.__next_f||[]).push([0])'),
      sha256('self.__next_f.push([1,"é \\u003c/b\\u003e"])'),
      sha256('\nlet a = 1;\n'),
    ]);
  });
});

describe('contentSecurityPolicy', () => {
  it('with a nonce: strict-dynamic, and the nonce for styles too', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc' });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("style-src 'self' 'nonce-abc'");
  });
  it('with hashes: only those inline scripts and same-origin files, never unsafe-inline', () => {
    const csp = contentSecurityPolicy({ hashes: ['h1', 'h2'] }, { https: true });
    expect(csp).toContain("script-src 'self' 'sha256-h1' 'sha256-h2';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toMatch(/unsafe|nonce|strict-dynamic/);
    expect(csp).toContain('upgrade-insecure-requests');
  });
});

describe('prerenderedPageServer', () => {
  const html = '<!DOCTYPE html><html><head><script>self.__next_f=[]</script></head><body>Sign In</body></html>';
  const policy = contentSecurityPolicy({ hashes: [sha256('self.__next_f=[]')] });
  let baseURL: string;
  let server: http.Server;
  let buildDir: string;

  beforeAll(async () => {
    // A production build's layout as far as the server reads it: the manifest and the pages' HTML.
    buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-build-'));
    fs.mkdirSync(path.join(buildDir, 'server', 'app'), { recursive: true });
    const routes = { '/login': {}, '/_global-error': {}, '/favicon.ico': {} };
    fs.writeFileSync(path.join(buildDir, 'prerender-manifest.json'), JSON.stringify({ routes }));
    fs.writeFileSync(path.join(buildDir, 'server', 'app', 'login.html'), html);
    fs.writeFileSync(path.join(buildDir, 'server', 'app', '_global-error.html'), '<html>error</html>');
    const serve = prerenderedPageServer({ buildDir });
    // What a request the fast path declines reaches: Next.js, here a marker.
    server = http.createServer((req, res) => {
      if (!serve(req, res, { https: req.headers['x-test-https'] === '1' })) res.end('next');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(buildDir, { recursive: true, force: true });
  });

  /** Raw HTTP (fetch would add its own cache headers to a conditional request). */
  const get = (pathname: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer; text: () => string }>((resolve, reject) => {
      http
        .request(baseURL + pathname, { method, headers: { 'accept-encoding': 'identity', ...headers } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const body = Buffer.concat(chunks);
            resolve({ status: res.statusCode!, headers: res.headers, body, text: () => body.toString('utf8') });
          });
        })
        .on('error', reject)
        .end();
    });

  it('serves a signed-out visit of a prerendered page with its hash policy, any query string included', async () => {
    for (const pathname of ['/login', '/login?next=%2Fexplore']) {
      const response = await get(pathname);
      expect(response.status).toBe(200);
      expect(response.text()).toBe(html);
      expect(response.headers['content-security-policy']).toBe(policy);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers.vary).toMatch(/\brsc\b.*Accept-Encoding, Cookie$/);
    }
    const https = await get('/login', { 'x-test-https': '1' });
    expect(https.headers['content-security-policy']).toBe(`${policy}; upgrade-insecure-requests`);
  });

  it('answers HEAD without a body, a matching If-None-Match with 304, and gzip when asked for it', async () => {
    const head = await get('/login', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(html)));
    expect(head.text()).toBe('');
    const etag = head.headers.etag!;
    expect((await get('/login', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/login', { 'if-none-match': '"other"' })).status).toBe(200);
    // A reload that asks past caches gets the page.
    expect((await get('/login', { 'if-none-match': etag, 'cache-control': 'no-cache' })).status).toBe(200);

    const zipped = await get('/login', { 'accept-encoding': 'br;q=1, gzip;q=0.8' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(zipped.body).toString('utf8')).toBe(html);
  });

  it('leaves every other request to Next.js: a session, the router, other methods and pages', async () => {
    const declined: [string, Record<string, string>, string?][] = [
      ...SESSION_COOKIE_NAMES.map((name): [string, Record<string, string>] => ['/login', { cookie: `theme=dark; ${name}=abc` }]),
      ['/login', { cookie: 'authjs.session-token.0=abc' }],
      ['/login', { rsc: '1' }],
      ['/login', { 'next-router-prefetch': '1' }],
      ['/login?_rsc=x1', {}],
      ['/login', {}, 'POST'],
      ['/login/', {}],
      ['/_global-error', {}],
      ['/favicon.ico', {}],
      ['/register', {}],
    ];
    for (const [pathname, headers, method] of declined) {
      expect((await get(pathname, headers, method)).text(), `${method ?? 'GET'} ${pathname} ${JSON.stringify(headers)}`).toBe('next');
    }
    // Cookies that only look alike do not count as a session.
    expect((await get('/login', { cookie: 'xauthjs.session-token=1; flash=a.b' })).text()).toBe(html);
  });

  it('serves nothing without a production build', async () => {
    const serve = prerenderedPageServer({ buildDir: path.join(buildDir, 'missing') });
    expect(serve({ method: 'GET', url: '/login', headers: {} } as http.IncomingMessage, {} as http.ServerResponse, { https: false })).toBe(false);
  });
});
