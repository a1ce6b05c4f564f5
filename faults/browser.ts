// A browser without JavaScript, as plain HTTP: a cookie jar, and form posts built from the page's own
// HTML (the hidden fields React renders for a server action), as a no-JS browser submits them.

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'" };
export function decodeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (entity) => ENTITIES[entity]);
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name.replace('$', '\\$')}="([^"]*)"`).exec(tag);
  return match ? decodeHtml(match[1]) : undefined;
}

export interface FormAnswer {
  status: number;
  /** The redirect target of a 303 (a form that succeeded), else null. */
  location: string | null;
  html: string;
  /** The form-wide message (role="alert"), if the answer is a page with one. */
  alert: string | null;
  /** The text of the textarea or input named `field` in the answer, if any: what the user typed, kept. */
  fieldValue(field: string): string | null;
  ms: number;
}

export class NoJsBrowser {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  hasCookie(name: RegExp): boolean {
    return [...this.cookies.keys()].some((key) => name.test(key));
  }

  async get(pathname: string, init: { timeoutMs?: number } = {}): Promise<{ status: number; html: string; ms: number; headers: Headers }> {
    const started = performance.now();
    const response = await fetch(this.baseUrl + pathname, {
      headers: { cookie: this.cookieHeader() },
      redirect: 'manual',
      signal: AbortSignal.timeout(init.timeoutMs ?? 30_000),
    });
    this.remember(response);
    const html = await response.text();
    return { status: response.status, html, ms: performance.now() - started, headers: response.headers };
  }

  /**
   * Opens `pathname`, takes the form that has a field named `fields`' first key, and submits it with
   * `fields` filled in, the way a browser without JavaScript posts a server-action form.
   */
  async submit(pathname: string, fields: Record<string, string>, init: { timeoutMs?: number } = {}): Promise<FormAnswer> {
    return this.post(pathname, { ...(await this.hiddenFieldsOf(pathname, Object.keys(fields)[0])), ...fields }, init);
  }

  /** The hidden fields of the form on `pathname` that has a field named `marker` (to post it again and again). */
  async hiddenFieldsOf(pathname: string, marker: string): Promise<Record<string, string>> {
    const page = await this.get(pathname);
    const form = [...page.html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => new RegExp(`name="${marker}"`).test(f));
    if (!form) throw new Error(`No form with a "${marker}" field on ${pathname} (status ${page.status})`);
    return hiddenFields(form);
  }

  /** Posts `fields` as multipart form data to `pathname` (same origin, as a browser does). */
  async post(pathname: string, fields: Record<string, string>, init: { timeoutMs?: number } = {}): Promise<FormAnswer> {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    const started = performance.now();
    const response = await fetch(this.baseUrl + pathname, {
      method: 'POST',
      body,
      headers: { cookie: this.cookieHeader(), origin: this.baseUrl },
      redirect: 'manual',
      signal: AbortSignal.timeout(init.timeoutMs ?? 30_000),
    });
    this.remember(response);
    const html = await response.text();
    const ms = performance.now() - started;
    const alert = /role="alert"[^>]*>([\s\S]*?)<\//.exec(html);
    return {
      status: response.status,
      location: response.status >= 300 && response.status < 400 ? response.headers.get('location') : null,
      html,
      alert: alert ? decodeHtml(alert[1]) : null,
      fieldValue: (field) => {
        const area = new RegExp(`<textarea[^>]*name="${field}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
        if (area) return decodeHtml(area[1]);
        const input = new RegExp(`<input[^>]*name="${field}"[^>]*>`).exec(html);
        return input ? (attribute(input[0], 'value') ?? '') : null;
      },
      ms,
    };
  }
}

/** The hidden inputs of a form: React's server-action reference fields, `next`, a recipient. */
function hiddenFields(form: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    if (attribute(tag, 'type') !== 'hidden') continue;
    const name = attribute(tag, 'name');
    if (name) fields[name] = attribute(tag, 'value') ?? '';
  }
  return fields;
}

/** Registers `username` through the register form and signs in through the login form (no JS). */
export async function signUpAndIn(baseUrl: string, username: string, password = 'correct horse'): Promise<NoJsBrowser> {
  const browser = new NoJsBrowser(baseUrl);
  const registered = await browser.submit('/register', { username, email: `${username.toLowerCase()}@example.com`, password, password2: password });
  if (registered.status !== 303) throw new Error(`Registering ${username} answered ${registered.status}: ${registered.alert}`);
  const signedIn = await browser.submit('/login', { username, password });
  if (signedIn.status !== 303) throw new Error(`Signing in ${username} answered ${signedIn.status}: ${signedIn.alert}`);
  return browser;
}
