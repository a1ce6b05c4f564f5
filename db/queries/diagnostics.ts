import 'server-only';
import { queryCount } from '../client';

/** SQL calls made by this process so far; only the benchmark's route reads it (no user data). */
export function sqlCallCount(): number {
  return queryCount();
}
