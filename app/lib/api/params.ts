import 'server-only';
import { ApiError } from './errors';

/** A positive integer path segment, or a 404 (no such resource can exist). */
export function idParam(value: string | undefined): number {
  if (!value || !/^\d{1,15}$/.test(value) || Number(value) < 1) throw new ApiError(404);
  return Number(value);
}
