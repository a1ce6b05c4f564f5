import 'server-only';
import { and, asc, desc, eq, gt, lt, or, sql, type SQL } from 'drizzle-orm';
import { avatarOf, avatarVersionColumn } from '../avatar';
import { getDb } from '../client';
import { decodeCursor, encodeCursor, type Cursor } from '../cursor';
import { NotFoundError, ValidationError } from '../errors';
import { messages, users } from '../schema';
import type { Viewer } from '../viewer';
import { signedIn } from './guards';
import { announceUnreadCount, announceUnreadCountIfChanged, announcedUnreadCount } from './notifications';
import { PAGE_SIZE } from './posts';
import { messagesPerUser } from './posting-limits';
import { consumeRateLimit } from './rate-limits';

export interface MessageDTO {
  id: number;
  body: string;
  /** ISO 8601, UTC. */
  timestamp: string;
  /** `avatar`: the avatar URL without a size (db/avatar.ts: avatarUrl adds one). */
  sender: { username: string; avatar: string };
  /** Received after the viewer's previous visit to the inbox. */
  unread: boolean;
}

export interface MessagePage {
  messages: MessageDTO[];
  /** Cursor for the next, older page (`?before=`), or null at the end. */
  olderCursor: string | null;
  /** Cursor for the previous, newer page (`?after=`), or null on the first page. */
  newerCursor: string | null;
}

/**
 * The viewer sends `body` (validated by the caller: 1 to 280 code points) to `recipient`. The message
 * and the recipient's new unread count are written in one transaction, so the live badge never shows a
 * count that the inbox does not have.
 * @throws NotFoundError for an unknown recipient; ValidationError for oneself; UnauthenticatedError;
 *   RateLimitedError past the limit on messages (messagesPerUser).
 */
export async function sendMessage(viewer: Viewer | null, input: { recipient: string; body: string }): Promise<{ username: string }> {
  const me = signedIn(viewer);
  const recipient = await messageRecipient(me, input.recipient);
  await consumeRateLimit(messagesPerUser(me.id));
  await getDb().batch([
    // No timestamp from this process's clock: the column default is evaluated inside the write, so
    // stamps follow commit order even across instances, and a message committed after the
    // recipient's inbox was marked read can never be older than that mark.
    getDb().insert(messages).values({ senderId: me.id, recipientId: recipient.id, body: input.body }),
    announceUnreadCount(recipient.id),
  ]);
  return { username: recipient.username };
}

/**
 * Whom the viewer may write to: any other existing user.
 * @throws NotFoundError for an unknown username; ValidationError for oneself; UnauthenticatedError.
 */
export async function messageRecipient(viewer: Viewer | null, username: string): Promise<{ id: number; username: string }> {
  const me = signedIn(viewer);
  const [row] = await getDb().select({ id: users.id, username: users.username }).from(users).where(eq(users.username, username)).limit(1);
  if (!row) throw new NotFoundError(`User ${username} not found.`);
  if (row.id === me.id) throw new ValidationError('You cannot send a message to yourself.');
  return row;
}

/**
 * Marks the viewer's received messages up to `through` (the newest one the inbox showed them) as
 * read and, only when that changed anything, announces their new unread count to their other tabs,
 * in one transaction. Returns what it announced (the count and its stamp), or null if nothing changed.
 * Reading an already read inbox writes nothing, and a message that arrives while the page renders
 * stays unread: it was not shown.
 * @throws UnauthenticatedError
 */
export async function markMessagesRead(viewer: Viewer | null, through: Date): Promise<{ count: number; stampMs: number } | null> {
  const me = signedIn(viewer);
  const db = getDb();
  const [, announced] = await db.batch([
    db
      .update(users)
      .set({ lastMessageReadTime: through })
      .where(and(eq(users.id, me.id), sql`coalesce(${users.lastMessageReadTime}, 0) < ${through.getTime()}`)),
    announceUnreadCountIfChanged(me.id),
  ]);
  return announcedUnreadCount(announced);
}

// "(timestamp, id) before / after the cursor", with a plain range on timestamp first so SQLite seeks
// into the (recipient_id, timestamp) index.
const olderThan = (c: Cursor) =>
  and(sql`${messages.timestamp} <= ${c.timestamp}`, or(lt(messages.timestamp, new Date(c.timestamp)), lt(messages.id, c.id)));
const newerThan = (c: Cursor) =>
  and(sql`${messages.timestamp} >= ${c.timestamp}`, or(gt(messages.timestamp, new Date(c.timestamp)), gt(messages.id, c.id)));

async function selectMessages(me: Viewer, where: SQL | undefined, direction: 'older' | 'newer') {
  const order = direction === 'older' ? [desc(messages.timestamp), desc(messages.id)] : [asc(messages.timestamp), asc(messages.id)];
  const rows = await getDb()
    .select({
      id: messages.id,
      body: messages.body,
      timestamp: messages.timestamp,
      senderId: users.id,
      username: users.username,
      email: users.email,
      avatarVersion: avatarVersionColumn,
      unread: sql<number>`${messages.timestamp} > coalesce((select u.last_message_read_time from ${users} u where u.id = ${me.id}), 0)`,
    })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.senderId))
    .where(and(eq(messages.recipientId, me.id), where))
    .orderBy(...order)
    .limit(PAGE_SIZE + 1);
  return direction === 'older' ? rows : rows.reverse();
}

type Row = Awaited<ReturnType<typeof selectMessages>>[number];

const cursorOf = (row: Row) => encodeCursor({ timestamp: row.timestamp.getTime(), id: row.id });

function toDTO(row: Row): MessageDTO {
  return {
    id: row.id,
    body: row.body,
    timestamp: row.timestamp.toISOString(),
    sender: { username: row.username, avatar: avatarOf({ id: row.senderId, email: row.email, avatarVersion: row.avatarVersion }) },
    unread: Boolean(row.unread),
  };
}

/**
 * A page of the viewer's received messages, newest first, in one query. Nobody can list another
 * user's messages: the recipient is always the viewer. A malformed cursor means the first page.
 * @throws UnauthenticatedError
 */
export async function listMessages(viewer: Viewer | null, input: { before?: string | null; after?: string | null } = {}): Promise<MessagePage> {
  const me = signedIn(viewer);
  const after = decodeCursor(input.after);
  const before = after ? null : decodeCursor(input.before);
  if (after) {
    const rows = await selectMessages(me, newerThan(after), 'newer');
    if (rows.length > PAGE_SIZE) {
      const page = rows.slice(1);
      return { messages: page.map(toDTO), newerCursor: cursorOf(page[0]), olderCursor: cursorOf(page[page.length - 1]) };
    }
  }
  const rows = await selectMessages(me, before ? olderThan(before) : undefined, 'older');
  const page = rows.slice(0, PAGE_SIZE);
  return {
    messages: page.map(toDTO),
    olderCursor: rows.length > PAGE_SIZE ? cursorOf(page[page.length - 1]) : null,
    newerCursor: before && page.length > 0 ? cursorOf(page[0]) : null,
  };
}
