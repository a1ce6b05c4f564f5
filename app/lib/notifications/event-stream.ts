import 'server-only';
import { listNotificationsSince, type NotificationDTO } from '@/db/queries/notifications';
import type { Viewer } from '@/db/viewer';
import { getNotificationHub } from './hub';

/** How long a browser waits before reconnecting after the stream ends (the SSE `retry:` field). */
export const RETRY_MS = 2000;
/** A comment line this often, so proxies and load balancers do not close an idle connection. */
export const HEARTBEAT_MS = 20_000;
/**
 * A stream ends after about this long and the browser reconnects (resuming with Last-Event-ID), so
 * proxies and load balancers see connections turn over. (A signed-out session's stream ends sooner:
 * the hub checks the sessions of its streams on every poll.)
 */
export const MAX_LIFETIME_MS = 5 * 60_000;

const encoder = new TextEncoder();

/** Every stream open on this instance: its user and the function that ends it. */
const openStreams = new Map<() => void, number>();

/**
 * Ends a user's open streams on this instance, as a restart or deploy would: their browsers reconnect
 * and resume from their last event. Used by the end-to-end suite (app/test-drop-streams), not by the app.
 */
export function endStreamsOf(userId: number): number {
  const ending = [...openStreams].filter(([, owner]) => owner === userId).map(([finish]) => finish);
  for (const finish of ending) finish();
  return ending.length;
}

// A stopping server (a deploy, Ctrl-C) waits for open connections to finish, and a stream would
// hold it for minutes: end them all when it is told to stop. The browsers reconnect, to the next
// instance or to this one once it is back, and resume from their last event.
const shutdownHook = Symbol.for('microblog.notifications.shutdown');
const hooked = globalThis as typeof globalThis & { [shutdownHook]?: true };
if (process.env.NEXT_RUNTIME === 'nodejs' && !hooked[shutdownHook]) {
  hooked[shutdownHook] = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      for (const finish of [...openStreams.keys()]) finish();
    });
  }
}

/** One server-sent event: the millisecond stamp as its id, the reference's `{name, data, timestamp}` as data. */
function eventText(notification: NotificationDTO, stampMs: number): string {
  const { name, data, timestamp } = notification;
  return `id: ${stampMs}\ndata: ${JSON.stringify({ name, data, timestamp })}\n\n`;
}

/**
 * The viewer's notifications as a text/event-stream body: first those newer than `sinceMs` (the
 * latest value of each name), then each new one as the hub sees it, until the client goes away
 * (`signal` or cancel) or the maximum lifetime passes. Every event is sent once, in stamp order.
 */
export function notificationEventStream(viewer: Viewer, sinceMs: number, signal: AbortSignal): ReadableStream<Uint8Array> {
  let finish: () => void = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const hub = getNotificationHub();
      let closed = false;
      let lastSent = sinceMs;
      // Live notifications wait here until the backlog has been written, so stamps only go up.
      let held: { notification: NotificationDTO; stampMs: number }[] | null = [];

      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          finish(); // the response is already gone
        }
      };
      const send = (notification: NotificationDTO, stampMs: number) => {
        // The backlog and the first live events can overlap; a newer value of a name supersedes older ones.
        if (stampMs <= lastSent) return;
        lastSent = stampMs;
        write(eventText(notification, stampMs));
      };

      // Subscribe before reading the backlog, so nothing written in between is missed.
      // Tied to the viewer's session: when it is signed out (here or on another instance), the stream ends.
      const session = viewer.sessionId ? { id: viewer.sessionId, onEnded: () => finish() } : undefined;
      const unsubscribe = hub.subscribe(
        viewer.id,
        (row) => {
          if (held) held.push({ notification: row, stampMs: row.stampMs });
          else send(row, row.stampMs);
        },
        session,
      );
      const heartbeat = setInterval(() => write(': keepalive\n\n'), HEARTBEAT_MS);
      // Spread the reconnections of streams opened together (a deploy, a burst of page loads).
      const lifetime = setTimeout(() => finish(), MAX_LIFETIME_MS * (0.9 + Math.random() * 0.2));
      heartbeat.unref();
      lifetime.unref();

      finish = () => {
        if (closed) return;
        closed = true;
        openStreams.delete(finish);
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        signal.removeEventListener('abort', finish);
        try {
          controller.close();
        } catch {
          // already closed or cancelled by the client
        }
      };
      openStreams.set(finish, viewer.id);
      if (signal.aborted) return finish();
      signal.addEventListener('abort', finish);

      write(`retry: ${RETRY_MS}\n\n`);
      void (async () => {
        try {
          await hub.ready();
          const backlog = await listNotificationsSince(viewer, sinceMs);
          for (const notification of backlog) send(notification, Math.round(notification.timestamp * 1000));
          for (const { notification, stampMs } of held ?? []) send(notification, stampMs);
          held = null;
        } catch (error) {
          // The browser reconnects after RETRY_MS and tries again from its last event.
          console.error('[notifications] could not read the backlog of a stream', error);
          finish();
        }
      })();
    },
    cancel() {
      finish();
    },
  });
}
