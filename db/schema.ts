import { sql } from 'drizzle-orm';
import { blob, check, customType, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Usernames are ASCII and unique regardless of case: the column itself compares with NOCASE, so the
 * unique index and every `username = ?` lookup are case-insensitive without lower() calls.
 */
const nocaseText = customType<{ data: string; driverData: string }>({
  dataType: () => 'text COLLATE NOCASE',
});

export const users = sqliteTable(
  'user',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: nocaseText('username').notNull(),
    // Stored trimmed and lower-cased, so a plain unique index is case-insensitive.
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    // Bumped to revoke every session of the user (log out everywhere, password change or reset).
    sessionVersion: integer('session_version').notNull().default(0),
    aboutMe: text('about_me'),
    // When the account was created (the API's `first_seen`); migration 0007 filled in older accounts.
    firstSeen: integer('first_seen', { mode: 'timestamp_ms' }).$defaultFn(() => new Date()),
    // Written at most once a minute per user (see touchActivity in db/queries/sessions.ts).
    lastSeen: integer('last_seen', { mode: 'timestamp_ms' }),
    // Messages received after this instant are unread; null means none has been read yet.
    lastMessageReadTime: integer('last_message_read_time', { mode: 'timestamp_ms' }),
    // Activity (replies, mentions, likes, follows) after this instant is unread; null: none read yet.
    lastActivityReadTime: integer('last_activity_read_time', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('ix_user_username').on(t.username), uniqueIndex('ix_user_email').on(t.email)],
);

export type UserRow = typeof users.$inferSelect;

export const posts = sqliteTable(
  'post',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    body: text('body').notNull(),
    // INTEGER milliseconds since the epoch, UTC.
    timestamp: integer('timestamp', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // The post this one answers. Deliberately no foreign key: a reply outlives the post it answers,
    // and an id that no longer resolves is how a thread shows "This post was deleted".
    inReplyToId: integer('in_reply_to_id'),
    // Set when the author edits the body; null for posts never edited.
    editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('ix_post_timestamp').on(t.timestamp),
    // Serves "posts by user X, newest first" and plain lookups by user_id (rowid is the tiebreak).
    index('ix_post_user_id_timestamp').on(t.userId, t.timestamp),
    // A post's replies in order, and their count.
    index('ix_post_in_reply_to_id_timestamp').on(t.inReplyToId, t.timestamp),
  ],
);

/** Row (P, U) means "U likes P"; the pair is the primary key, so nobody likes a post twice. */
export const postLikes = sqliteTable(
  'post_like',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    timestamp: integer('timestamp', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index('ix_post_like_user_id').on(t.userId)],
);

/** Users a post @mentions, resolved when it is written (or edited): links and mention notifications. */
export const postMentions = sqliteTable(
  'post_mention',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index('ix_post_mention_user_id').on(t.userId)],
);

/**
 * The #hashtags of a post, lower-cased, with the post's timestamp copied in so /tags/<tag> pages with
 * the same (timestamp, id) keyset as the timelines, from this index alone.
 */
export const postTags = sqliteTable(
  'post_tag',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
    timestamp: integer('timestamp', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.tag] }), index('ix_post_tag_tag_timestamp').on(t.tag, t.timestamp, t.postId)],
);

/**
 * What happened to a user that the notifications page lists: a reply to their post, a mention, a like
 * of their post, a new follower. `actor_id` did it; `post_id` is the reply, the mentioning post or the
 * liked post (null for follows). Undoing (unlike, unfollow, deleting the post) removes the row.
 */
export const activities = sqliteTable(
  'activity',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['reply', 'mention', 'like', 'follow'] }).notNull(),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    postId: integer('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    timestamp: integer('timestamp', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  },
  (t) => [
    // The notifications page (newest first, keyset) and the unread count (user, timestamp > last read).
    index('ix_activity_user_id_timestamp').on(t.userId, t.timestamp),
    index('ix_activity_post_id').on(t.postId),
    index('ix_activity_actor_id').on(t.actorId),
  ],
);

export type ActivityRow = typeof activities.$inferSelect;

export type PostRow = typeof posts.$inferSelect;

/** Fixed-window counters for rate limits; kept in the database so limits hold across instances. */
export const rateLimits = sqliteTable(
  'rate_limit',
  {
    key: text('key').notNull(),
    windowStart: integer('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('ix_rate_limit_window_start').on(t.windowStart)],
);

/** Row (A, B) means "A follows B". Nobody follows themselves (CHECK), and a pair appears once (PK). */
export const followers = sqliteTable(
  'followers',
  {
    followerId: integer('follower_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    followedId: integer('followed_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.followedId] }),
    // "Who follows X": follower lists and counts. The primary key already serves "whom does X follow".
    index('ix_followers_followed_id').on(t.followedId, t.followerId),
    check('ck_followers_not_self', sql`${t.followerId} <> ${t.followedId}`),
  ],
);

/**
 * Password reset tokens. Only the SHA-256 hash of the random token is stored, so a copy of the
 * database cannot be used to reset anyone's password. A token works once (`used_at`) and expires.
 */
export const passwordResets = sqliteTable(
  'password_reset',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // INTEGER milliseconds since the epoch, UTC.
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('ix_password_reset_user_id').on(t.userId), index('ix_password_reset_expires_at').on(t.expiresAt)],
);

/** Private messages. Only the recipient reads them in the inbox; the sender keeps no "sent" box (yet). */
export const messages = sqliteTable(
  'message',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    senderId: integer('sender_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    recipientId: integer('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    // INTEGER milliseconds since the epoch, UTC.
    timestamp: integer('timestamp', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  },
  (t) => [
    // The inbox (newest first, keyset) and the unread count (recipient, timestamp > last read).
    index('ix_message_recipient_id_timestamp').on(t.recipientId, t.timestamp),
    index('ix_message_sender_id').on(t.senderId),
  ],
);

export type MessageRow = typeof messages.$inferSelect;

/**
 * The latest value of each live notification of a user ("unread_message_count" = 3): one row per
 * (user, name), replaced on update, as in the reference. `timestamp` is INTEGER milliseconds and
 * strictly increasing across the whole table (see db/queries/notifications.ts), so it doubles as the
 * cursor of every reader: a browser's `since`, and each app instance's poll for its open streams.
 */
export const notifications = sqliteTable(
  'notification',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    timestamp: integer('timestamp').notNull(),
    payloadJson: text('payload_json').notNull(),
  },
  (t) => [uniqueIndex('ix_notification_user_id_name').on(t.userId, t.name), index('ix_notification_timestamp').on(t.timestamp)],
);

export type NotificationRow = typeof notifications.$inferSelect;

/**
 * One row per sign-in (a browser's session). The session cookie (an encrypted Auth.js JWT) carries the
 * random `id`; a request is signed in only while its row exists, so deleting the row ends the session
 * on the server (logout, "Sign out" in Settings, password change, reset, Sign Out Everywhere).
 */
export const sessions = sqliteTable(
  'session',
  {
    // 32 random bytes, base64url (43 characters).
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // INTEGER milliseconds since the epoch, UTC.
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    // Written at most once a minute, together with user.last_seen (see touchActivity).
    lastActive: integer('last_active', { mode: 'timestamp_ms' }).notNull(),
    userAgent: text('user_agent'),
    // As found at sign-in (app/lib/client-address.ts); shown only approximately.
    clientAddress: text('client_address'),
    remember: integer('remember', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('ix_session_user_id').on(t.userId)],
);

export type SessionRow = typeof sessions.$inferSelect;

/**
 * REST API token pairs (design/api-contract.md section 6). Only SHA-256 hashes of the two random
 * tokens are stored. A pair dies when its times pass, when it is refreshed or revoked (times set to
 * "now + grace"), and with the user's sessions: `session_version` is the user's version when the pair
 * was issued, and a pair whose version is behind the user's no longer authenticates.
 */
export const apiTokens = sqliteTable(
  'api_token',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessTokenHash: text('access_token_hash').notNull(),
    refreshTokenHash: text('refresh_token_hash').notNull(),
    // INTEGER milliseconds since the epoch, UTC.
    accessExpiresAt: integer('access_expires_at', { mode: 'timestamp_ms' }).notNull(),
    refreshExpiresAt: integer('refresh_expires_at', { mode: 'timestamp_ms' }).notNull(),
    sessionVersion: integer('session_version').notNull(),
  },
  (t) => [
    uniqueIndex('ix_api_token_access_token_hash').on(t.accessTokenHash),
    index('ix_api_token_user_id').on(t.userId),
    index('ix_api_token_refresh_expires_at').on(t.refreshExpiresAt),
  ],
);

/**
 * Pictures users uploaded (Edit Profile), one per user, so every app instance can serve them from the
 * database. `image` is the normalised picture (a square WebP, AVATAR_STORED_SIZE px, see
 * db/avatar-image.ts); other sizes are resized from it on request and cached per instance. `version`
 * is a hash of `image`: avatar URLs carry it (`?v=`), so a new picture gets a new URL and browsers may
 * cache each URL for good. Users without a row get a generated identicon.
 */
export const avatars = sqliteTable('avatar', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  // Before the blob, so reading only the version stays within the row's first page.
  version: text('version').notNull(),
  contentType: text('content_type').notNull(),
  image: blob('image', { mode: 'buffer' }).notNull(),
  // INTEGER milliseconds since the epoch, UTC.
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
});

export type AvatarRow = typeof avatars.$inferSelect;
