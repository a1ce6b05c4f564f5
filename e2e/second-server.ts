import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { waitForHttp } from '../scripts/wait-for-http';

/**
 * A second app server for the tests of the limits themselves: scripts/e2e-server.mjs with the default
 * limits (E2E_REAL_LIMITS=1) and whatever else `env` sets, on the suite's port + `offset`, with its own
 * fresh database. Stops with stop().
 */
export async function startSecondServer(offset: number, env: Record<string, string>) {
  const port = Number(process.env.E2E_PORT || 3210) + offset;
  const child: ChildProcess = spawn('node', ['scripts/e2e-server.mjs'], {
    env: { ...process.env, ...env, E2E_PORT: String(port), E2E_DATA_DIR: path.resolve(`data/e2e-${port}`), MAIL_OUTBOX_DIR: '', E2E_REAL_LIMITS: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseURL = `http://127.0.0.1:${port}`;
  await waitForHttp('The second e2e server', `${baseURL}/login`, child, { timeoutMs: 120_000, intervalMs: 200 });
  return {
    baseURL,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP request sent from a chosen local address (`127.0.0.2` plays a trusted reverse proxy in the
 * limits tests), with the headers it is given; the body is form-encoded when an object.
 */
export function rawRequest(
  url: string,
  { method = 'GET', headers = {}, form, localAddress = '127.0.0.1' }: { method?: string; headers?: Record<string, string>; form?: Record<string, string>; localAddress?: string },
): Promise<RawResponse> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method, localAddress, headers: { ...headers, ...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) } : {}) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The `name=value` pairs of a response's Set-Cookie headers, ready for a Cookie header. */
export function cookiesOf(response: RawResponse): string {
  return (response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
}

/**
 * Signs in through Auth.js's credentials endpoint as a script would (CSRF token, then the form POST),
 * from `localAddress` with extra `headers`. Returns the final response: a 302 whose Location has
 * `error=` on a refused sign-in, and a session cookie on success.
 */
export async function postCredentials(
  baseURL: string,
  credentials: { username: string; password: string },
  options: { headers?: Record<string, string>; localAddress?: string } = {},
): Promise<RawResponse> {
  const csrf = await rawRequest(`${baseURL}/api/auth/csrf`, options);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  return rawRequest(`${baseURL}/api/auth/callback/credentials`, {
    ...options,
    method: 'POST',
    headers: { ...options.headers, cookie: cookiesOf(csrf) },
    form: { ...credentials, csrfToken, callbackUrl: '/' },
  });
}
