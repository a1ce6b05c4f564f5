/**
 * Keyset cursors: an opaque, URL-safe encoding of the (timestamp, id) of a row. A page "before" a
 * cursor costs the same wherever it is in the timeline, unlike OFFSET. Anything malformed decodes to
 * null, which callers treat as "the first page".
 */
export interface Cursor {
  timestamp: number;
  id: number;
}

export function encodeCursor({ timestamp, id }: Cursor): string {
  return Buffer.from(`${timestamp}.${id}`).toString('base64url');
}

export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value || value.length > 64) return null;
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!match) return null;
  const timestamp = Number(match[1]);
  const id = Number(match[2]);
  return Number.isSafeInteger(timestamp) && Number.isSafeInteger(id) ? { timestamp, id } : null;
}
