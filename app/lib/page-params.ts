export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The keyset cursors of a page URL (`?before=` / `?after=`); repeated or odd values are ignored. */
export function pageCursors(params: Awaited<SearchParams>): { before: string | null; after: string | null } {
  const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : null);
  return { before: one(params.before), after: one(params.after) };
}

/** A dynamic route segment as text; a malformed escape is kept as typed (it then matches no user). */
export function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
