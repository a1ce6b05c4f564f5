import { ValidationError } from '../errors';

/** An offset page of a collection (the REST API's pagination, design/api-contract.md section 4). */
export interface OffsetPage<T> {
  items: T[];
  /** Size of the whole collection, ignoring `after`. */
  total: number;
  /** Zero-based index of the first item; with `after`, the number of items at or before it. */
  offset: number;
}

/** Largest page of any collection; `limit` is clamped to it by the caller. */
export const MAX_PAGE_SIZE = 25;

/**
 * What a caller asks for: `limit` items (1 to MAX_PAGE_SIZE) from `offset`, or after a key of the
 * collection's sort order (never both; the API's schema refuses that).
 */
export interface OffsetPageRequest<After> {
  limit: number;
  offset?: number;
  after?: After;
}

/** @throws ValidationError when `offset` lies past the end of a non-empty collection. */
function assertOffsetInRange(offset: number, total: number): void {
  if (total > 0 && offset >= total) throw new ValidationError(`Offset ${offset} is past the end of the collection (${total} items).`);
}

/**
 * The page for a request, given the collection's `total` and, with `after`, `before` (the number of
 * items at or before the `after` key, which is then the page's offset).
 * @throws ValidationError for an offset past the end.
 */
export function offsetPage<T>(request: OffsetPageRequest<unknown>, counts: { total: number; before: number }, items: T[]): OffsetPage<T> {
  if (request.after !== undefined) return { items, total: counts.total, offset: Number(counts.before) };
  const offset = request.offset ?? 0;
  assertOffsetInRange(offset, counts.total);
  return { items, total: counts.total, offset };
}
