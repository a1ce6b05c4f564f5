import 'server-only';
import { and, desc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { avatarOf } from '../avatar';
import { getDb } from '../client';
import { decodeCursor, encodeCursor, type Cursor } from '../cursor';
import { activities, posts, users } from '../schema';
import type { Viewer } from '../viewer';
import { UNREAD_ACTIVITY_COUNT, unreadActivitySql } from './activity-counts';
import { signedIn } from './guards';
import { announcedUnreadCount, setNotificationIfChanged } from './notifications';

/** How many activity rows one notifications page reads (before grouping). */
export const ACTIVITY_PAGE_SIZE = 50;
/** How many actors a group names; the rest are "and N others". */
const NAMED_ACTORS = 3;

export type ActivityKind = 'reply' | 'mention' | 'like' | 'follow';

export interface ActivityGroupDTO {
  /** Stable within a page, for React keys. */
  key: string;
  kind: ActivityKind;
  /** The newest actors first, at most three. */
  actors: { username: string; avatar: string }[];
  /** How many people in all (the group may name fewer). */
  actorCount: number;
  /** The reply, the mentioning post or the liked post; null for follows. */
  post: { id: number; body: string } | null;
  /** ISO 8601, UTC: the newest item of the group. */
  timestamp: string;
  unread: boolean;
}

export interface ActivityPage {
  groups: ActivityGroupDTO[];
  /** Cursor for the next, older page (`?before=`), or null at the end. */
  olderCursor: string | null;
  /** The newest item shown (for marking what was read), or null when the page is empty. */
  newestShown: Date | null;
}

const olderThan = (c: Cursor) =>
  and(sql`${activities.timestamp} <= ${c.timestamp}`, or(sql`${activities.timestamp} < ${c.timestamp}`, sql`${activities.id} < ${c.id}`));

const actor = alias(users, 'actor');

/**
 * The viewer's notifications, newest first: replies to their posts, mentions, likes of their posts
 * and new followers, read ACTIVITY_PAGE_SIZE at a time (one query) and grouped within the page:
 * likes of the same post become one item ("ann and 3 others liked your post"), and so do new
 * followers; replies and mentions stay one item each. A malformed cursor means the first page.
 * @throws UnauthenticatedError
 */
export async function listActivity(viewer: Viewer | null, input: { before?: string | null } = {}): Promise<ActivityPage> {
  const me = signedIn(viewer);
  const before = decodeCursor(input.before);
  const rows = await getDb()
    .select({
      id: activities.id,
      kind: activities.kind,
      timestamp: activities.timestamp,
      postId: activities.postId,
      postBody: posts.body,
      actorId: actor.id,
      username: actor.username,
      email: actor.email,
      // As db/avatar.ts's avatarVersionColumn, for the aliased user table.
      avatarVersion: sql<string | null>`(select av.version from avatar av where av.user_id = ${activities.actorId})`,
      unread: sql<number>`${activities.timestamp} > coalesce((select u.last_activity_read_time from ${users} u where u.id = ${me.id}), 0)`,
    })
    .from(activities)
    .innerJoin(actor, eq(actor.id, activities.actorId))
    .leftJoin(posts, eq(posts.id, activities.postId))
    .where(and(eq(activities.userId, me.id), before ? olderThan(before) : undefined))
    .orderBy(desc(activities.timestamp), desc(activities.id))
    .limit(ACTIVITY_PAGE_SIZE + 1);
  const page = rows.slice(0, ACTIVITY_PAGE_SIZE);

  const groups: ActivityGroupDTO[] = [];
  const byKey = new Map<string, ActivityGroupDTO>();
  for (const row of page) {
    const groupKey = row.kind === 'like' ? `like:${row.postId}` : row.kind === 'follow' ? 'follow' : `${row.kind}:${row.id}`;
    let group = byKey.get(groupKey);
    if (!group) {
      group = {
        key: `${groupKey}:${row.id}`,
        kind: row.kind,
        actors: [],
        actorCount: 0,
        post: row.postId !== null && row.postBody !== null ? { id: row.postId, body: row.postBody } : null,
        timestamp: row.timestamp.toISOString(),
        unread: false,
      };
      byKey.set(groupKey, group);
      groups.push(group);
    }
    group.actorCount++;
    group.unread ||= Boolean(row.unread);
    if (group.actors.length < NAMED_ACTORS && !group.actors.some((a) => a.username === row.username)) {
      group.actors.push({ username: row.username, avatar: avatarOf({ id: row.actorId, email: row.email, avatarVersion: row.avatarVersion }) });
    }
  }
  const last = page[page.length - 1];
  return {
    groups,
    olderCursor: rows.length > ACTIVITY_PAGE_SIZE ? encodeCursor({ timestamp: last.timestamp.getTime(), id: last.id }) : null,
    newestShown: page[0]?.timestamp ?? null,
  };
}

/**
 * Marks the viewer's notifications up to `through` (the newest one the page showed) as read and, only
 * when that changed anything, publishes their new unread count, in one transaction; returns what it
 * published (null when nothing changed). An item that arrives while the page renders stays unread.
 * @throws UnauthenticatedError
 */
export async function markActivityRead(viewer: Viewer | null, through: Date): Promise<{ count: number; stampMs: number } | null> {
  const me = signedIn(viewer);
  const db = getDb();
  const [, announced] = await db.batch([
    db
      .update(users)
      .set({ lastActivityReadTime: through })
      .where(and(eq(users.id, me.id), sql`coalesce(${users.lastActivityReadTime}, 0) < ${through.getTime()}`)),
    setNotificationIfChanged(me.id, UNREAD_ACTIVITY_COUNT, sql`cast(${unreadActivitySql(me.id)} as text)`),
  ]);
  return announcedUnreadCount(announced);
}
