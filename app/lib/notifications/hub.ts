import 'server-only';
import { latestNotificationStamp, NOTIFICATION_BATCH, pollNotifications, type StoredNotification } from '@/db/queries/notifications';

/**
 * One app instance's feed of notifications for its open streams. Whatever the number of streams, it
 * makes one query per poll (`pollNotifications(cursor, sessions)`, every user at once, one batch) and
 * hands each row to the streams of its owner. The same batch asks which of its streams' sessions still
 * exist: a stream whose session was signed out (on any instance) ends at that poll, before it could
 * receive anything more; the instance that signed it out pokes its hub, so there it ends at once. It reads the table, not memory, so a notification written by any instance
 * (or a script) reaches every instance's streams within one poll; the instance that wrote it pokes its
 * hub to deliver at once. With no subscriber it stops: zero queries while nobody listens.
 */
export type NotificationListener = (notification: StoredNotification) => void;

/** The signed-in session a subscriber belongs to, and what to do when it has ended. */
export interface SubscriberSession {
  id: string;
  /** Called once, at the first poll that finds the session gone; the subscriber then unsubscribes. */
  onEnded: () => void;
}

export interface NotificationHub {
  /**
   * Calls `listener` with each notification of `userId` written from now on, while `session` (when
   * given) lasts. Returns the unsubscribe function.
   */
  subscribe(userId: number, listener: NotificationListener, session?: SubscriberSession): () => void;
  /**
   * Resolves once the hub has its starting point: every notification committed before that is
   * readable from the table, every later one will reach the listeners. A stream subscribes, awaits
   * this, then reads its backlog: no notification falls between the two.
   */
  ready(): Promise<void>;
  /** Polls now instead of at the next tick (a notification was written, or a session ended, on this instance). */
  poke(): void;
  /** Subscribers right now (tests, diagnostics). */
  readonly subscriberCount: number;
}

export interface HubOptions {
  /** Pause between polls; a full batch is followed by the next poll at once. */
  intervalMs?: number;
}

export const DEFAULT_POLL_INTERVAL_MS = 400;

export function createNotificationHub({ intervalMs = DEFAULT_POLL_INTERVAL_MS }: HubOptions = {}): NotificationHub {
  const listeners = new Map<number, Set<NotificationListener>>();
  // Subscribers that belong to a session, by session id: checked on every poll.
  const sessionWatchers = new Map<string, Set<SubscriberSession>>();
  let subscribers = 0;
  // Null until started, and again after the last subscriber left: a restarted hub begins at the newest
  // stamp rather than replaying what nobody was listening to.
  let cursor: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let polling = false;
  let pollAgain = false;
  let failing = false;
  // Bumped on every stop, so a poll that was in flight when the hub stopped does not revive it.
  let generation = 0;
  const waiting: (() => void)[] = [];

  function schedule(delayMs: number) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(poll, delayMs);
    // A quiet hub must not keep the process alive (scripts, tests, a server shutting down).
    timer.unref();
  }

  function dispatch(row: StoredNotification) {
    for (const listener of listeners.get(row.userId) ?? []) {
      try {
        listener(row);
      } catch (error) {
        console.error('[notifications] a listener failed', error);
      }
    }
  }

  /** Tells the subscribers of sessions that are gone; they unsubscribe (maybe stopping the hub). */
  function endSessions(checked: string[], live: Set<string>) {
    for (const id of checked) {
      if (live.has(id)) continue;
      for (const watcher of [...(sessionWatchers.get(id) ?? [])]) {
        try {
          watcher.onEnded();
        } catch (error) {
          console.error('[notifications] a subscriber failed to end', error);
        }
      }
    }
  }

  async function poll() {
    timer = null;
    if (subscribers === 0) return;
    if (polling) {
      pollAgain = true;
      return;
    }
    polling = true;
    const started = generation;
    let fullBatch = false;
    try {
      if (cursor === null) {
        const stamp = await latestNotificationStamp();
        if (started !== generation) return;
        cursor = stamp;
        for (const resolve of waiting.splice(0)) resolve();
      } else {
        const checked = [...sessionWatchers.keys()];
        const { notifications: rows, liveSessionIds } = await pollNotifications(cursor, checked);
        if (started !== generation) return;
        // First: a stream of a session that ended gets nothing more.
        endSessions(checked, liveSessionIds);
        if (started !== generation) return;
        for (const row of rows) {
          // A listener may unsubscribe the last stream while this loop runs: the hub stopped then.
          if (started !== generation) return;
          cursor = row.stampMs;
          dispatch(row);
        }
        fullBatch = rows.length === NOTIFICATION_BATCH;
      }
      if (failing) console.info('[notifications] polling works again');
      failing = false;
    } catch (error) {
      // SQLITE_BUSY, a libSQL server restarting...: say it once, keep polling.
      if (!failing) console.error('[notifications] polling failed; retrying every tick until it works', error);
      failing = true;
    } finally {
      // A poll that outlived a stop leaves the flags alone: they belong to the restarted hub now.
      if (started === generation) polling = false;
      if (subscribers > 0 && started === generation) {
        const now = pollAgain || fullBatch;
        pollAgain = false;
        schedule(now ? 0 : intervalMs);
      }
    }
  }

  function stop() {
    generation++;
    if (timer) clearTimeout(timer);
    timer = null;
    cursor = null;
    polling = false;
    pollAgain = false;
    // Nobody listens any more: whoever waited has unsubscribed and needs no starting point.
    for (const resolve of waiting.splice(0)) resolve();
  }

  return {
    subscribe(userId, listener, session) {
      let own = listeners.get(userId);
      if (!own) listeners.set(userId, (own = new Set()));
      // A wrapper, so the same function subscribed twice is two subscriptions.
      const entry: NotificationListener = (n) => listener(n);
      own.add(entry);
      subscribers++;
      let active = true;
      const unsubscribe = () => {
        if (!active) return;
        active = false;
        own.delete(entry);
        if (own.size === 0) listeners.delete(userId);
        if (watcher) {
          const watching = sessionWatchers.get(watcher.id);
          watching?.delete(watcher);
          if (watching?.size === 0) sessionWatchers.delete(watcher.id);
        }
        subscribers--;
        if (subscribers === 0) stop();
      };
      // The hub unsubscribes an ended session's subscriber itself, then tells it.
      const watcher: SubscriberSession | null = session
        ? {
            id: session.id,
            onEnded: () => {
              unsubscribe();
              session.onEnded();
            },
          }
        : null;
      if (watcher) {
        let watching = sessionWatchers.get(watcher.id);
        if (!watching) sessionWatchers.set(watcher.id, (watching = new Set()));
        watching.add(watcher);
      }
      if (subscribers === 1) schedule(0);
      return unsubscribe;
    },
    ready() {
      if (cursor !== null || subscribers === 0) return Promise.resolve();
      return new Promise((resolve) => waiting.push(resolve));
    },
    poke() {
      if (subscribers === 0) return;
      if (polling) pollAgain = true;
      else schedule(0);
    },
    get subscriberCount() {
      return subscribers;
    },
  };
}

// One hub per process, kept on globalThis: Next bundles this module separately into route handlers and
// server actions, and two copies would mean two pollers (and a poke reaching the wrong one).
const globalKey = Symbol.for('microblog.notificationHub');
type GlobalWithHub = typeof globalThis & { [globalKey]?: NotificationHub };

/** The hub of this process. */
export function getNotificationHub(): NotificationHub {
  const g = globalThis as GlobalWithHub;
  g[globalKey] ??= createNotificationHub();
  return g[globalKey];
}

/** After writing a notification on this instance: deliver it to this instance's streams now. */
export function pokeNotificationHub(): void {
  (globalThis as GlobalWithHub)[globalKey]?.poke();
}
