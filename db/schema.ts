import { sql } from 'drizzle-orm';
import { check, customType, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
    // Written at most once a minute per user (see touchLastSeen).
    lastSeen: integer('last_seen', { mode: 'timestamp_ms' }),
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
  },
  (t) => [
    index('ix_post_timestamp').on(t.timestamp),
    // Serves "posts by user X, newest first" and plain lookups by user_id (rowid is the tiebreak).
    index('ix_post_user_id_timestamp').on(t.userId, t.timestamp),
  ],
);

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
