import 'server-only';
import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../client';
import { messages, notifications, sessions, users } from '../schema';
import type { Viewer } from '../viewer';
import { signedIn } from './guards';

/** The notification a user's badge follows: their number of unread private messages. */
export const UNREAD_MESSAGE_COUNT = 'unread_message_count';

/** As the reference serves it from /notifications: `timestamp` is seconds since the epoch (ms / 1000). */
export interface NotificationDTO {
  name: string;
  data: unknown;
  timestamp: number;
}

/** A notification with its owner and the raw millisecond stamp, for the per-instance stream hub. */
export interface StoredNotification extends NotificationDTO {
  userId: number;
  stampMs: number;
}

/** How many rows one poll reads at most; a reader that gets a full batch asks again at once. */
export const NOTIFICATION_BATCH = 500;

/**
 * The next stamp: now in milliseconds, or one past the newest stamp in the table if that is later.
 * Writes are serialised (SQLite, or one sqld primary), so stamps strictly increase across the table
 * and every reader can resume from the last stamp it saw without missing or repeating a row, even
 * when two notifications land in the same millisecond or instances' clocks differ slightly.
 */
const nextStamp = sql`max(cast(unixepoch('subsec') * 1000 as integer), coalesce((select max(${notifications.timestamp}) from ${notifications}), 0) + 1)`;

/** The user's unread message count, as SQL (messages received after their last visit to /messages). */
export function unreadCountSql(userId: number | SQL): SQL<number> {
  return sql<number>`(select count(*) from ${messages} m where m.recipient_id = ${userId} and m.timestamp > coalesce((select u.last_message_read_time from ${users} u where u.id = ${userId}), 0))`;
}

/**
 * The statement that sets notification `name` of a user to the JSON value `payloadSql` evaluates to,
 * replacing the previous one (one row per user and name). Returned unexecuted so callers can put it in
 * the same batch (transaction) as the change it announces.
 */
export function setNotification(userId: number, name: string, payloadJson: SQL) {
  return getDb()
    .insert(notifications)
    .values({ userId, name, payloadJson: sql`${payloadJson}`, timestamp: nextStamp })
    .onConflictDoUpdate({
      target: [notifications.userId, notifications.name],
      set: { payloadJson: sql`excluded.payload_json`, timestamp: sql`excluded.timestamp` },
    });
}

/** Sets the user's unread_message_count notification to their current count. */
export function announceUnreadCount(userId: number) {
  return setNotification(userId, UNREAD_MESSAGE_COUNT, sql`cast(${unreadCountSql(userId)} as text)`);
}

/**
 * Like setNotification, but only when the statement just before it in the same batch changed a row
 * (SQLite's changes()): "announce if the read time moved", atomically with that update. Returns the
 * stored payload and stamp (see announcedUnreadCount).
 */
export function setNotificationIfChanged(userId: number, name: string, payloadJson: SQL) {
  return getDb().run(sql`
    insert into ${notifications} (user_id, name, payload_json, timestamp)
    select ${userId}, ${name}, ${payloadJson}, ${nextStamp} where changes() > 0
    on conflict (user_id, name) do update set payload_json = excluded.payload_json, timestamp = excluded.timestamp
    returning payload_json, timestamp`);
}

/** announceUnreadCount when the statement before it in the batch changed a row (see setNotificationIfChanged). */
export function announceUnreadCountIfChanged(userId: number) {
  return setNotificationIfChanged(userId, UNREAD_MESSAGE_COUNT, sql`cast(${unreadCountSql(userId)} as text)`);
}

/** What announceUnreadCountIfChanged stored, read from its result (null when it stored nothing). */
export function announcedUnreadCount(result: { rows: ArrayLike<Record<string, unknown>> }): { count: number; stampMs: number } | null {
  const row = result.rows[0];
  return row ? { count: Number(JSON.parse(String(row.payload_json))), stampMs: Number(row.timestamp) } : null;
}

function toDTO(row: { name: string; payloadJson: string; timestamp: number }): NotificationDTO {
  return { name: row.name, data: JSON.parse(row.payloadJson), timestamp: row.timestamp / 1000 };
}

/**
 * The viewer's notifications newer than `sinceMs`, oldest first (one per name: the latest value).
 * One indexed read, no write: browsers may poll this often.
 * @throws UnauthenticatedError
 */
export async function listNotificationsSince(viewer: Viewer | null, sinceMs: number): Promise<NotificationDTO[]> {
  const me = signedIn(viewer);
  const rows = await getDb()
    .select({ name: notifications.name, payloadJson: notifications.payloadJson, timestamp: notifications.timestamp })
    .from(notifications)
    .where(and(eq(notifications.userId, me.id), gt(notifications.timestamp, sinceMs)))
    .orderBy(asc(notifications.timestamp));
  return rows.map(toDTO);
}

/**
 * Every user's notifications newer than `afterMs`, oldest first, at most NOTIFICATION_BATCH: what one
 * app instance reads to feed all of its open streams (one query per poll, however many streams).
 * Not scoped to a viewer: the caller (the stream hub) delivers each row only to its owner's streams.
 */
export async function notificationsAfter(afterMs: number): Promise<StoredNotification[]> {
  return (await pollNotifications(afterMs, [])).notifications;
}

/**
 * What one poll of an instance's hub reads, in one round trip (one batch): notificationsAfter
 * `afterMs`, and which of `sessionIds` (the sessions its open streams belong to) still exist, so the
 * streams of a session that was signed out on any instance end within one poll.
 */
export async function pollNotifications(
  afterMs: number,
  sessionIds: string[],
): Promise<{ notifications: StoredNotification[]; liveSessionIds: Set<string> }> {
  const query = getDb()
    .select({ userId: notifications.userId, name: notifications.name, payloadJson: notifications.payloadJson, timestamp: notifications.timestamp })
    .from(notifications)
    .where(gt(notifications.timestamp, afterMs))
    .orderBy(asc(notifications.timestamp))
    .limit(NOTIFICATION_BATCH);
  const ids = [...new Set(sessionIds)];
  const [rows, live] = ids.length === 0 ? [await query, []] : await getDb().batch([query, getDb().select({ id: sessions.id }).from(sessions).where(inArray(sessions.id, ids))]);
  return {
    notifications: rows.map((row) => ({ ...toDTO(row), userId: row.userId, stampMs: row.timestamp })),
    liveSessionIds: new Set(live.map((row) => row.id)),
  };
}

/** The newest stamp in the table (0 when empty): where a starting hub begins reading. */
export async function latestNotificationStamp(): Promise<number> {
  const [row] = await getDb().select({ max: sql<number | null>`max(${notifications.timestamp})` }).from(notifications);
  return Number(row?.max ?? 0);
}
