import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { activities, users } from '../schema';
import { setNotification } from './notifications';

/** The notification the Notifications badge follows: the user's number of unread activity items. */
export const UNREAD_ACTIVITY_COUNT = 'unread_activity_count';

/** The user's unread activity count, as SQL: items after their last visit to the notifications page. */
export function unreadActivitySql(userId: number | SQL): SQL<number> {
  return sql<number>`(select count(*) from ${activities} a where a.user_id = ${userId} and a.timestamp > coalesce((select u.last_activity_read_time from ${users} u where u.id = ${userId}), 0))`;
}

/**
 * The statement that publishes the user's current unread activity count on the live stream (the
 * same stream as the Messages badge). Unexecuted: callers put it in the batch of the change.
 */
export function announceUnreadActivity(userId: number) {
  return setNotification(userId, UNREAD_ACTIVITY_COUNT, sql`cast(${unreadActivitySql(userId)} as text)`);
}
