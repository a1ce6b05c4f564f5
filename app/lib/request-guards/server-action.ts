/**
 * Checks on requests that may run a server action, made in proxy.ts before Next.js sees them: Next
 * refuses a cross-site action and cannot decode a tampered one, but answers both with a bare 500.
 *
 * How actions arrive (React's reply format): with JavaScript, a POST with a `Next-Action` header whose
 * body is the arguments as JSON text, or multipart fields "0" (the JSON arguments), "1", ... that
 * "$@1"-style strings refer to; without JavaScript, a multipart form post whose `$ACTION_REF_<p>` field
 * names a descriptor `$ACTION_<p>:0` = {"id": ..., "bound": "$@1" | null} and its bound arguments
 * in `$ACTION_<p>:1`. Next itself validates action ids (400, or 409 for an id of an older deployment).
 */

/** A POST outside /api that a browser sent from another site (`Origin: null` included). */
export function isCrossSitePost(request: Request, pathname: string): boolean {
  if (request.method !== 'POST' || pathname.startsWith('/api/')) return false;
  const origin = request.headers.get('origin');
  // No Origin: a hand-made request, which carries no one else's cookies (Next lets it through too).
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host; // 'null' and other junk throw
  } catch {
    return true;
  }
  // As Next compares: the first X-Forwarded-Host when a front proxy set one, else Host.
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return originHost !== (forwarded || request.headers.get('host'));
}

/** A POST that Next would try to decode as a server action. */
export function mayBeServerAction(request: Request, pathname: string): boolean {
  if (request.method !== 'POST' || pathname.startsWith('/api/')) return false;
  return request.headers.has('next-action') || /^multipart\/form-data/i.test(request.headers.get('content-type') ?? '');
}

type ChunkLookup = (id: number) => string | undefined;

// No action of this app takes arguments nested this deep; deeper JSON only costs parse time.
const MAX_DEPTH = 64;

/** Whether JSON text nests arrays and objects deeper than MAX_DEPTH (one pass, strings skipped). */
function nestsTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return true;
    } else if (c === ']' || c === '}') depth--;
  }
  return false;
}

// Strings React's decoder turns into values without looking anything up, after the "$".
const PLAIN_TOKEN = /^(\$|K[0-9a-f]+$|[uHDIN-]|n-?\d{1,300}$)/;
// References to another chunk of the same request: "$@1", "$1", "$Q2", "$W3", "$i4" (maps, sets...).
const CHUNK_REFERENCE = /^(@|Q|W|i)?([0-9a-f]+)(:.*)?$/s;

/**
 * Why the JSON of chunk `rootId` (and every chunk it refers to) cannot be decoded, or null. Only the
 * plain values this app's actions take are allowed: JSON, form data, dates, references that exist.
 */
function chunkProblem(rootId: number, chunk: ChunkLookup, allowTemporary: boolean): string | null {
  const seen = new Set<number>();
  const pending: number[] = [rootId];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const text = chunk(id);
    if (text === undefined) return `missing part ${id}`;
    if (nestsTooDeep(text)) return `part ${id} is nested too deeply`;
    let stack: unknown[];
    try {
      stack = [JSON.parse(text)];
    } catch {
      return `part ${id} is not JSON`;
    }
    // An explicit stack: a deeply nested body must not overflow the call stack.
    while (stack.length > 0) {
      const value = stack.pop();
      if (value && typeof value === 'object') for (const item of Object.values(value)) stack.push(item);
      else if (typeof value === 'string' && value.startsWith('$')) {
        const token = value.slice(1);
        if (PLAIN_TOKEN.test(token) || (allowTemporary && token === 'T')) continue;
        const reference = CHUNK_REFERENCE.exec(token);
        if (!reference) return `unsupported value ${JSON.stringify(value.slice(0, 20))}`;
        pending.push(parseInt(reference[2], 16));
      }
    }
  }
  return null;
}

async function formDataOf(bytes: Uint8Array, contentType: string): Promise<FormData | null> {
  try {
    return await new Response(bytes as BodyInit, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return null;
  }
}

const stringField = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

/**
 * Why a possible server-action body cannot be decoded (a short reason for the log), or null when
 * React's decoder can read it. `bytes` is the whole body (see readBody).
 */
export async function serverActionBodyProblem(request: Request, bytes: Uint8Array): Promise<string | null> {
  const contentType = request.headers.get('content-type') ?? '';
  const multipart = /^multipart\/form-data/i.test(contentType);
  if (request.headers.has('next-action')) {
    if (!multipart) {
      if (/^application\/x-www-form-urlencoded/i.test(contentType)) return null; // Next answers these itself
      const text = new TextDecoder().decode(bytes);
      return chunkProblem(0, (id) => (id === 0 ? text : undefined), true);
    }
    const form = await formDataOf(bytes, contentType);
    if (!form) return 'unreadable multipart body';
    return chunkProblem(0, (id) => stringField(form, String(id)), true);
  }
  if (!multipart) return null;
  const form = await formDataOf(bytes, contentType);
  if (!form) return 'unreadable multipart body';
  for (const key of form.keys()) {
    if (!key.startsWith('$ACTION_REF_')) continue;
    const prefix = `$ACTION_${key.slice('$ACTION_REF_'.length)}:`;
    const descriptor = stringField(form, `${prefix}0`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(descriptor ?? '');
    } catch {
      return 'unreadable action descriptor';
    }
    const bound = (parsed as { bound?: unknown } | null)?.bound;
    if (bound === null) continue;
    const reference = typeof bound === 'string' ? /^\$@([0-9a-f]+)$/.exec(bound) : null;
    if (!reference) return 'unsupported bound arguments';
    const boundId = parseInt(reference[1], 16);
    const problem = chunkProblem(boundId, (id) => stringField(form, `${prefix}${id}`), false);
    if (problem) return problem;
    if (!Array.isArray(JSON.parse(stringField(form, `${prefix}${boundId}`)!))) return 'bound arguments are not a list';
  }
  return null;
}
