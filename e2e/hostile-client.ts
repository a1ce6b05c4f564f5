import http from 'node:http';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { OUTBOX_DIR } from './outbox';

/**
 * Helpers for e2e/bad-requests.spec.ts, which talks HTTP to the e2e server as a script or an attacker
 * would (Playwright's `request`), and reads the server's database to prove nothing was written.
 */

/** The e2e server's database: scripts/e2e-server.mjs keeps it beside the outbox. Only read here. */
export const DATABASE_FILE = path.join(path.dirname(OUTBOX_DIR), 'app.db');

let db: ReturnType<typeof createClient> | null = null;

/** Everything an account's requests could change, as one comparable value. */
export async function accountRows(username: string): Promise<Record<string, unknown>> {
  db ??= createClient({ url: `file:${DATABASE_FILE}` });
  const { rows } = await db.execute({
    sql: `SELECT u.id, u.username, u.email, u.password_hash, u.about_me, u.session_version,
            (SELECT count(*) FROM post WHERE user_id = u.id) AS posts,
            (SELECT count(*) FROM message WHERE sender_id = u.id) AS sent,
            (SELECT count(*) FROM message WHERE recipient_id = u.id) AS received,
            (SELECT count(*) FROM followers WHERE follower_id = u.id) AS following,
            (SELECT count(*) FROM followers WHERE followed_id = u.id) AS followed_by,
            (SELECT count(*) FROM password_reset WHERE user_id = u.id AND used_at IS NOT NULL) AS resets_used
          FROM user u WHERE u.username = ? COLLATE NOCASE`,
    args: [username],
  });
  return rows[0] ? { ...rows[0] } : {};
}

/** How many accounts have a name starting with `prefix` (for refused sign-ups). */
export async function usersNamed(prefix: string): Promise<number> {
  db ??= createClient({ url: `file:${DATABASE_FILE}` });
  const { rows } = await db.execute({ sql: 'SELECT count(*) AS n FROM user WHERE username LIKE ?', args: [`${prefix}%`] });
  return Number(rows[0].n);
}

const ENTITIES: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&#x27;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>' };
const unescapeHtml = (text: string) => text.replace(/&(quot|amp|#x27|#39|lt|gt);/g, (entity) => ENTITIES[entity]);

/**
 * The hidden fields (React's `$ACTION_*` fields, tokens, recipients) of the form on `html` that has a
 * field named `field`: what a browser without JavaScript posts along with what the user typed.
 */
export function hiddenFields(html: string, field: string): Record<string, string> {
  const form = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(`name="${field}"`));
  if (!form) throw new Error(`no form with a field "${field}"`);
  const fields: Record<string, string> = {};
  for (const [input] of form.matchAll(/<input\b[^>]*>/g)) {
    if (!/type="hidden"/.test(input)) continue;
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (name) fields[unescapeHtml(name)] = unescapeHtml(/value="([^"]*)"/.exec(input)?.[1] ?? '');
  }
  return fields;
}

/** Posts the form of `page` that has `field`, as a browser without JavaScript would; no redirect followed. */
export async function submitForm(
  api: APIRequestContext,
  page: string,
  values: Record<string, string>,
  options: { field?: string; override?: Record<string, string>; headers?: Record<string, string>; baseURL: string },
): Promise<APIResponse> {
  const html = await (await api.get(page)).text();
  const hidden = hiddenFields(html, options.field ?? Object.keys(values)[0]);
  return api.post(page, {
    multipart: { ...hidden, ...values, ...options.override },
    headers: { Origin: options.baseURL, ...options.headers },
    maxRedirects: 0,
  });
}

/** Asserts a clear answer: the status, never a 5xx, and the message a person would read. */
export async function expectAnswer(response: APIResponse, status: number, message: string | RegExp) {
  const body = await response.text();
  expect(response.status(), body.slice(0, 300)).toBe(status);
  if (typeof message === 'string') expect(body).toContain(message);
  else expect(body).toMatch(message);
}

/**
 * A POST whose body goes out in chunks with no Content-Length (Playwright's request always sends one),
 * e.g. a 1.1 MB upload that claims no size.
 */
export function chunkedPost(url: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; text: string; contentType: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8'), contentType: String(res.headers['content-type']) }));
    });
    // The server may answer and close before it has read everything: that answer is what counts.
    req.on('error', reject);
    for (let offset = 0; offset < body.length; offset += 64 * 1024) req.write(body.subarray(offset, offset + 64 * 1024));
    req.end();
  });
}

/** The Cookie header of a request context (for requests made outside Playwright). */
export async function cookieHeader(api: APIRequestContext): Promise<string> {
  return (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
