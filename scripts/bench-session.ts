// Signing in and finding deep pages over HTTP, as the benchmark scripts' clients do (bench.ts, bench-scale.ts).

/** Signs `username` in through Auth.js's credentials callback; `cookie` is the session cookie pair. */
export async function signIn(baseURL: string, username = 'john', password = 'password123'): Promise<{ ms: number; ok: boolean; cookie: string }> {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const started = performance.now();
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ csrfToken, username, password, remember: 'false', callbackUrl: '/' }),
  });
  await response.arrayBuffer();
  const session = response.headers.getSetCookie().find((c) => c.includes('authjs.session-token='));
  return { ms: performance.now() - started, ok: Boolean(session), cookie: session?.split(';')[0] ?? '' };
}

/** Follows "Older posts" links from the page at `from` (the home page by default) `pages - 1` times. */
export async function deepPagePath(baseURL: string, cookie: string, pages: number, from = '/'): Promise<string> {
  const older = new RegExp(`href="(${from.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\?before=[^"]+)"`);
  let path = from;
  for (let i = 1; i < pages; i++) {
    const html = await (await fetch(baseURL + path, { headers: { cookie } })).text();
    const match = older.exec(html);
    if (!match) throw new Error(`no older page after page ${i} of ${from}`);
    path = match[1].replace(/&amp;/g, '&');
  }
  return path;
}
