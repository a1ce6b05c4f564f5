/** The largest request body the app accepts, in bytes (Next's own server-action limit is 1 MiB). */
export const MAX_BODY_BYTES = 1_000_000;

/** The body's bytes, or 'too-large' once more than `max` bytes arrived (the rest is not read). */
export type BodyRead = { bytes: Uint8Array } | 'too-large';

/**
 * Reads a request body up to `max` bytes, counting what arrives rather than trusting Content-Length
 * (a chunked upload has none). In proxy.ts this reads Next's buffered copy of the body: the page or
 * action still gets the whole body.
 */
export async function readBody(request: Request, max = MAX_BODY_BYTES): Promise<BodyRead> {
  if (!request.body) return { bytes: new Uint8Array() };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return 'too-large';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes };
}

/** True when the Content-Length header alone already says the body is over the limit. */
export function declaredTooLarge(request: Request, max = MAX_BODY_BYTES): boolean {
  return Number(request.headers.get('content-length')) > max;
}
