import 'server-only';
import { MAX_PAGE_SIZE, type OffsetPageRequest } from '@/db/queries/paging';
import { ApiError } from './errors';
import type { PageQuery } from './schemas';

/**
 * The contract's pagination rules (design/api-contract.md section 4) on a parsed query: `limit`
 * defaults to 25 and is clamped to 25, a limit below 1 or a negative offset is a plain 400, and
 * `after` is refused where a collection has no sort key (`allowAfter` false).
 */
export function pageRequest<A>(query: PageQuery<A>, allowAfter = true): OffsetPageRequest<A> & { limit: number } {
  const limit = Math.min(query.limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  if (limit < 1) throw new ApiError(400, '`limit` must be at least 1.');
  if (query.offset !== undefined && query.offset < 0) throw new ApiError(400, '`offset` cannot be negative.');
  if (query.after !== undefined && !allowAfter) throw new ApiError(400, '`after` is not supported on this collection.');
  return query.after !== undefined ? { limit, after: query.after } : { limit, offset: query.offset ?? 0 };
}
