import type { NextRequest } from 'next/server';
import { listNotificationsSince } from '@/db/queries/notifications';
import { getBackgroundViewer } from '@/app/lib/auth';
import { jsonError, jsonErrorFrom } from '@/app/lib/http';
import { sessionMatchesExpectedUser, sinceMsFromSeconds } from '@/app/lib/validation/notifications';

export const dynamic = 'force-dynamic';

/**
 * GET /notifications?since=<seconds>: the reference's polling endpoint, used when the live stream is
 * unavailable. The viewer's notifications newer than `since` (the latest value of each name), oldest
 * first, as `[{name, data, timestamp}]`. One read, no write: a tab may poll it every few seconds.
 */
export async function GET(request: NextRequest) {
  const sinceMs = sinceMsFromSeconds(request.nextUrl.searchParams.get('since'));
  try {
    const viewer = await getBackgroundViewer();
    if (viewer && !sessionMatchesExpectedUser(viewer.id, request.nextUrl.searchParams.get('uid'))) return jsonError(401);
    const list = await listNotificationsSince(viewer, sinceMs);
    return Response.json(list, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return jsonErrorFrom(error);
  }
}
