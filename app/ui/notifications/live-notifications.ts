import { openNotificationFeed, type LiveNotification } from './feed';
import { claimUnreadCount, offerUnreadCount } from './unread-count';

/**
 * Live notifications for every tab of a browser over one connection. HTTP/1.1 allows 6 connections
 * per host, so a stream per tab would stall the 7th tab's page loads. The tabs of one user elect a
 * leader with a Web Lock held for the tab's life; the leader runs the feed (feed.ts) and broadcasts
 * each notification on a BroadcastChannel; the others apply what it broadcasts. When the leader tab
 * closes, the browser hands the lock to another tab, which opens the feed from the newest stamp it
 * has seen. Without Web Locks or BroadcastChannel, each tab runs its own feed.
 *
 * Loaded with import() by the Messages badge once the page is interactive, so anonymous visitors,
 * who have no badge, never download it.
 */

/** The counts badges show (db/queries: UNREAD_MESSAGE_COUNT, UNREAD_ACTIVITY_COUNT; server-only modules). */
const COUNTS = new Set(['unread_message_count', 'unread_activity_count']);

type TabMessage =
  /** A new tab asks the leader for the current values. */
  | { type: 'hello' }
  | { type: 'notification'; notification: LiveNotification };

/** Joins the user's tabs; returns the function that leaves (and hands over leadership if held). */
function joinTabs(userId: number): () => void {
  // Per user, so a second account signed in elsewhere in this browser never mixes with this one.
  const name = `microblog-notifications-${userId}`;
  const latest = new Map<string, LiveNotification>();
  let newest = 0;
  let leading = false;
  let stopFeed: (() => void) | null = null;
  const shared = typeof BroadcastChannel !== 'undefined' && typeof navigator.locks !== 'undefined';
  const channel = shared ? new BroadcastChannel(name) : null;
  const post = (message: TabMessage) => {
    try {
      channel?.postMessage(message);
    } catch {
      // The channel was closed: this tab has left.
    }
  };

  /** Applies a notification unless this tab already has a newer value of that name. */
  function apply(notification: LiveNotification): boolean {
    if (notification.stamp <= (latest.get(notification.name)?.stamp ?? 0)) return false;
    latest.set(notification.name, notification);
    newest = Math.max(newest, notification.stamp);
    if (COUNTS.has(notification.name) && typeof notification.data === 'number') offerUnreadCount(notification.name, notification.data, notification.stamp);
    return true;
  }

  function shareLatest() {
    for (const notification of latest.values()) post({ type: 'notification', notification });
  }

  function lead() {
    leading = true;
    // A tab that said hello while nobody led (the old leader was closing) catches up here.
    shareLatest();
    stopFeed = openNotificationFeed({
      userId,
      since: () => newest,
      onNotification: (notification) => {
        if (apply(notification)) post({ type: 'notification', notification });
      },
      // This tab's session ended (or now belongs to another account): let a tab that is signed in as
      // this user lead, instead of holding the lock with no feed.
      onSignedOut: () => {
        stopFeed = null;
        leading = false;
        releaseLock();
      },
    });
  }

  // A count the page stored itself (the inbox): the same notification the stream will carry.
  const releaseCount = claimUnreadCount(userId, (name, count, stamp) => {
    const notification = { name, data: count, stamp };
    if (apply(notification)) post({ type: 'notification', notification });
  });
  if (channel) {
    channel.onmessage = ({ data: message }: MessageEvent<TabMessage>) => {
      if (message.type === 'notification') apply(message.notification);
      else if (message.type === 'hello' && leading) shareLatest();
    };
  }

  const lockRequest = new AbortController();
  let releaseLock = () => {};
  if (channel) {
    navigator.locks
      .request(name, { signal: lockRequest.signal }, () => {
        lead();
        // Held until this tab leaves: closing the tab releases it too.
        return new Promise<void>((resolve) => (releaseLock = resolve));
      })
      // AbortError: this tab left while still waiting for the lock.
      .catch(() => {});
    post({ type: 'hello' });
  } else {
    lead();
  }

  return () => {
    releaseCount();
    lockRequest.abort();
    stopFeed?.();
    stopFeed = null;
    leading = false;
    releaseLock();
    channel?.close();
  };
}

let joined: { userId: number; users: number; leave: () => void } | null = null;

/**
 * Starts live notifications for this document (once, however many components ask); returns the
 * function that stops them when the last of those components unmounts (e.g. after logging out).
 */
export function startLiveNotifications(userId: number): () => void {
  if (joined?.userId !== userId) {
    joined?.leave();
    joined = { userId, users: 0, leave: joinTabs(userId) };
  }
  const mine = joined;
  mine.users++;
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    if (--mine.users > 0) return;
    mine.leave();
    if (joined === mine) joined = null;
  };
}
