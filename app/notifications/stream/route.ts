import type { NextRequest } from 'next/server';
import { getBackgroundViewer } from '@/app/lib/auth';
import { jsonError } from '@/app/lib/http';
import { notificationEventStream } from '@/app/lib/notifications/event-stream';
import { resumeStampMs, sessionMatchesExpectedUser } from '@/app/lib/validation/notifications';

// A long-lived response, per request: never prerendered, never on the Edge runtime (it reads the database).
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * The signed-in user's live notifications as server-sent events (EventSource). One connection per
 * browser (a leader tab shares the events with the others, see app/ui/notifications). Anonymous
 * requests get a JSON 401, which also makes EventSource stop reconnecting; so do requests whose
 * `?uid=` is not the signed-in user (the browser signed in as someone else since the tab loaded).
 */
export async function GET(request: NextRequest) {
  // Background traffic: resolving the viewer does not count as activity ("last seen").
  const viewer = await getBackgroundViewer();
  if (!viewer || !sessionMatchesExpectedUser(viewer.id, request.nextUrl.searchParams.get('uid'))) return jsonError(401);
  const sinceMs = resumeStampMs(request.headers.get('last-event-id'), request.nextUrl.searchParams.get('since'));
  return new Response(notificationEventStream(viewer, sinceMs, request.signal), {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform: Next's gzip (compress: true) skips such responses, which it would otherwise buffer.
      'Cache-Control': 'no-cache, no-transform',
      // nginx and similar proxies would buffer the response otherwise.
      'X-Accel-Buffering': 'no',
    },
  });
}
