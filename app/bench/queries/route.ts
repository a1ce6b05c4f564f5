import { sqlCallCount } from '@/db/queries/diagnostics';
import { benchRoutesEnabled } from '@/app/lib/bench-routes';

/** The number of SQL calls this server process has made; the benchmark diffs it around one page load. */
export async function GET() {
  if (!benchRoutesEnabled()) return new Response('Not Found', { status: 404 });
  return Response.json({ queries: sqlCallCount() });
}
