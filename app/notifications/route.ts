import type { NextRequest } from 'next/server';
import { listNotificationsSince } from '@/db/queries/notifications';
import { getBackgroundViewer } from '@/app/lib/auth';
import { jsonErrorFrom } from '@/app/lib/http';
import { sinceMsFromSeconds } from '@/app/lib/validation/notifications';

export const dynamic = 'force-dynamic';

/**
 * GET /notifications?since=<seconds>: the reference's polling endpoint, used when the live stream is
 * unavailable. The viewer's notifications newer than `since` (the latest value of each name), oldest
 * first, as `[{name, data, timestamp}]`. One read, no write: a tab may poll it every few seconds.
 */
export async function GET(request: NextRequest) {
  const sinceMs = sinceMsFromSeconds(request.nextUrl.searchParams.get('since'));
  try {
    const list = await listNotificationsSince(await getBackgroundViewer(), sinceMs);
    return Response.json(list, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return jsonErrorFrom(error);
  }
}
