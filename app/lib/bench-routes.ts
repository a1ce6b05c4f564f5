import 'server-only';

/** The benchmark's own routes exist only when MICROBLOG_BENCH_ROUTES=1 (set by `npm run bench`). */
export function benchRoutesEnabled(): boolean {
  return process.env.MICROBLOG_BENCH_ROUTES === '1';
}
