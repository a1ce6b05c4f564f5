/**
 * One tab's connection to the server's notifications: the live stream (EventSource on
 * /notifications/stream), or, when that keeps failing (a proxy that buffers or blocks event streams,
 * no EventSource), polling /notifications?since= until the stream is worth another try.
 * Only the leader tab runs one (see live-notifications.ts).
 */

/** A notification as the browser handles it; `stamp` (milliseconds) orders them. */
export interface LiveNotification {
  name: string;
  data: unknown;
  stamp: number;
}

export interface FeedOptions {
  /** Whose notifications: the server answers 401 if the browser's session is now someone else's. */
  userId: number;
  /** The newest stamp this tab has seen: where every (re)connection resumes. */
  since: () => number;
  onNotification: (notification: LiveNotification) => void;
  /** The server answered 401: the session ended, so stop asking. */
  onSignedOut: () => void;
}

const STREAM_URL = '/notifications/stream';
const POLL_URL = '/notifications';
/** Errors in a row without the stream opening once before polling instead. */
const STREAM_ATTEMPTS = 3;
const STREAM_RECONNECT_MS = 1000;
const POLL_INTERVAL_MS = 1500;
const POLL_MAX_BACKOFF_MS = 30_000;
/** While polling, the stream is tried again this often (the network may have changed). */
const STREAM_RETRY_AFTER_MS = 60_000;

/** A `{name, data, timestamp}` item; its stamp is the event id when there is one, else `timestamp` (seconds). */
function toNotification(item: unknown, id?: string): LiveNotification | null {
  const { name, data, timestamp } = (item ?? {}) as { name?: unknown; data?: unknown; timestamp?: unknown };
  const stamp = id && /^\d+$/.test(id) ? Number(id) : Math.round(Number(timestamp) * 1000);
  return typeof name === 'string' && Number.isFinite(stamp) ? { name, data, stamp } : null;
}

function fromEvent(event: MessageEvent<string>): LiveNotification | null {
  try {
    return toNotification(JSON.parse(event.data), event.lastEventId);
  } catch {
    return null;
  }
}

/** Starts the feed; returns the function that stops it. */
export function openNotificationFeed({ userId, since, onNotification, onSignedOut }: FeedOptions): () => void {
  let stopped = false;
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let request: AbortController | null = null;

  const later = (run: () => void, ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  const deliver = (notification: LiveNotification | null) => {
    if (notification && !stopped) onNotification(notification);
  };
  const signedOut = () => {
    stop();
    onSignedOut();
  };

  // The browser's own reconnection is not used: its delay after a failed first attempt is long and
  // not ours to choose. Each attempt resumes from the newest stamp the tab has, like Last-Event-ID.
  function stream(failures = 0): void {
    if (stopped) return;
    if (typeof EventSource === 'undefined') return poll(Infinity);
    const es = new EventSource(`${STREAM_URL}?uid=${userId}&since=${since() / 1000}`);
    source = es;
    es.onopen = () => {
      failures = 0;
    };
    es.onmessage = (event: MessageEvent<string>) => deliver(fromEvent(event));
    es.onerror = () => {
      // CLOSED here means an HTTP error or a response that is not a stream (a 401 after the session
      // ended): polling finds out which. CONNECTING means a network error or the server's periodic close.
      const refused = es.readyState === EventSource.CLOSED;
      es.close();
      source = null;
      failures++;
      if (refused || failures >= STREAM_ATTEMPTS) poll(Date.now() + STREAM_RETRY_AFTER_MS);
      else later(() => stream(failures), STREAM_RECONNECT_MS);
    };
  }

  function poll(streamAgainAt: number, delay = POLL_INTERVAL_MS): void {
    if (stopped) return;
    if (Date.now() >= streamAgainAt) return stream();
    request = new AbortController();
    fetch(`${POLL_URL}?uid=${userId}&since=${since() / 1000}`, { cache: 'no-store', signal: request.signal })
      .then(async (response) => {
        if (response.status === 401) return signedOut();
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        for (const item of (await response.json()) as unknown[]) deliver(toNotification(item));
        later(() => poll(streamAgainAt), POLL_INTERVAL_MS);
      })
      .catch(() => {
        // Back off while the server is unreachable or failing.
        const next = Math.min(delay * 2, POLL_MAX_BACKOFF_MS);
        if (!stopped) later(() => poll(streamAgainAt, next), next);
      });
  }

  function stop() {
    stopped = true;
    source?.close();
    request?.abort();
    clearTimeout(timer);
  }

  stream();
  return stop;
}
