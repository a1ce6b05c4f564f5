import { getBackgroundViewer } from '@/app/lib/auth';
import { jsonError } from '@/app/lib/http';
import { endStreamsOf } from '@/app/lib/notifications/event-stream';

export const dynamic = 'force-dynamic';

/**
 * Exists only when MICROBLOG_TEST_ROUTES=1 (the end-to-end suite): ends the signed-in user's
 * notification streams on this server, as a restart would, so a test can check that the browser
 * reconnects and misses nothing. Only the caller's own streams: parallel tests keep theirs.
 */
export async function POST() {
  if (process.env.MICROBLOG_TEST_ROUTES !== '1') return jsonError(404);
  const viewer = await getBackgroundViewer();
  if (!viewer) return jsonError(401);
  return Response.json({ ended: endStreamsOf(viewer.id) });
}
