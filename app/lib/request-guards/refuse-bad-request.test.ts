import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { hasMalformedEscape } from './malformed-path';
import { refuseBadRequest } from './refuse-bad-request';

const ORIGIN = 'http://127.0.0.1:3000';
const ACTION_ID = '609cee2edcb2ef65398cf98d24b1a716e7c349a38f';

/** A request as proxy.ts receives it. */
function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit | ReadableStream } = {}) {
  const headers = new Headers({ host: '127.0.0.1:3000', ...init.headers });
  const options = { method: init.method ?? 'GET', headers, body: init.body, duplex: 'half' };
  return new NextRequest(`${ORIGIN}${path}`, options as ConstructorParameters<typeof NextRequest>[1]);
}

/** A no-JavaScript form post of a useActionState form: descriptor, bound state, fields. */
function formPost(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [key, value] of Object.entries({
    $ACTION_REF_1: '',
    '$ACTION_1:0': JSON.stringify({ id: ACTION_ID, bound: '$@1' }),
    '$ACTION_1:1': '[{"status":"idle"}]',
    $ACTION_KEY: 'k1',
    post: 'hello',
    ...fields,
  })) {
    form.append(key, value);
  }
  return request('/', { method: 'POST', headers: { origin: ORIGIN, ...headers }, body: form });
}

function fetchAction(body: string, headers: Record<string, string> = {}) {
  return request('/', { method: 'POST', headers: { origin: ORIGIN, 'next-action': ACTION_ID, 'content-type': 'text/plain;charset=UTF-8', ...headers }, body });
}

/** A body sent in pieces with no Content-Length, like a chunked upload. */
function chunked(bytes: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(120));
    },
  });
}

describe('malformed percent-escapes', () => {
  it('are found in any segment, and valid escapes pass', () => {
    for (const bad of ['/user/%FF', '/user/%FF/popup', '/send-message/%FF', '/reset-password/%ZZ', '/user/100%', '/user/%E0%A4%A', '/a/%C0%80']) expect(hasMalformedEscape(bad), bad).toBe(true);
    for (const good of ['/user/john', '/user/%C3%A9', '/user/100%25', '/user/a%20b']) expect(hasMalformedEscape(good), good).toBe(false);
  });

  it('get the 404 page by a rewrite, and JSON endpoints a JSON 404', async () => {
    const page = await refuseBadRequest(request('/user/%FF'));
    expect(page?.status).toBe(404);
    expect(page?.headers.get('x-middleware-rewrite')).toContain('/_not-found-malformed-path');
    for (const path of ['/user/%FF/popup', '/api/auth/%FF']) {
      const json = await refuseBadRequest(request(path));
      expect(json?.status).toBe(404);
      expect(await json?.json()).toEqual({ error: 'Not Found' });
    }
  });
});

describe('cross-site posts', () => {
  it('are refused with 403 for a foreign or null Origin, and pass without one or from this site', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1:9999', 'not a url']) {
      const answer = await refuseBadRequest(formPost({}, { origin }));
      expect(answer?.status, origin).toBe(403);
      expect(await answer?.text()).toContain('Cross-site request refused');
    }
    expect(await refuseBadRequest(formPost({}))).toBeNull();
    expect(await refuseBadRequest(request('/', { method: 'POST', body: 'x' }))).toBeNull();
  });

  it('follow a front proxy\'s X-Forwarded-Host', async () => {
    const behindProxy = { origin: 'https://microblog.example', 'x-forwarded-host': 'microblog.example' };
    expect(await refuseBadRequest(formPost({}, behindProxy))).toBeNull();
  });
});

describe('request bodies over 1 MB', () => {
  it('are refused by the bytes that arrive, not only by Content-Length', async () => {
    const big = request('/', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: chunked(1_100_000) });
    expect(big.headers.get('content-length')).toBeNull();
    const answer = await refuseBadRequest(big);
    expect(answer?.status).toBe(413);
    expect(await answer?.text()).toContain('That was too large');
    const fits = request('/', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: chunked(900_000) });
    expect(await refuseBadRequest(fits)).toBeNull();
  });

  it('answer JSON on JSON endpoints', async () => {
    const answer = await refuseBadRequest(request('/api/auth/callback/credentials', { method: 'POST', body: chunked(1_100_000) }));
    expect(answer?.status).toBe(413);
    expect((await answer?.json()).error).toBe('Payload Too Large');
  });
});

describe('server-action bodies', () => {
  it('pass when React can decode them', async () => {
    expect(await refuseBadRequest(formPost({}))).toBeNull();
    expect(await refuseBadRequest(fetchAction('[{"status":"idle"},"$K1"]'))).toBeNull();
    expect(await refuseBadRequest(fetchAction('[{"values":{"post":"$$5 off"}},"$undefined","$D2026-01-01T00:00:00.000Z","$n12"]'))).toBeNull();
  });

  it('are refused with 400 when a reference is edited, JSON is broken or a value is of a kind no action takes', async () => {
    const bad = [
      formPost({ '$ACTION_1:0': JSON.stringify({ id: ACTION_ID, bound: '$@9' }) }),
      formPost({ '$ACTION_1:0': JSON.stringify({ id: ACTION_ID, bound: 'oops' }) }),
      formPost({ '$ACTION_1:1': '[{"status":' }),
      formPost({ '$ACTION_1:1': '{"status":"idle"}' }),
      formPost({ '$ACTION_1:1': '["$@7"]' }),
      formPost({ '$ACTION_1:1': '["$T"]' }),
      fetchAction('[{"status":'),
      fetchAction('["$@5","$K1"]'),
      fetchAction('["$h1"]'),
      fetchAction('["$B1"]'),
      fetchAction('["$n12x"]'),
      request('/', { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'multipart/form-data; boundary=abc' }, body: '--xyz\r\ngarbage' }),
    ];
    for (const [i, req] of bad.entries()) {
      const answer = await refuseBadRequest(req);
      expect(answer?.status, `case ${i}`).toBe(400);
      expect(await answer?.text()).toContain('could not be read');
    }
  });

  it('survive a deeply nested body without overflowing the stack', async () => {
    expect(await refuseBadRequest(fetchAction(`${'['.repeat(60)}"[[{{"${']'.repeat(60)}`))).toBeNull();
    expect((await refuseBadRequest(fetchAction(`${'['.repeat(400_000)}${']'.repeat(400_000)}`)))?.status).toBe(400);
    expect((await refuseBadRequest(fetchAction(`[${'"$@1",'.repeat(100_000)}0]`)))?.status).toBe(400);
  });
});
