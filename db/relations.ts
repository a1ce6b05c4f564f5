// Every relations() declaration lives here (drizzle-orm 0.45: the v1 relations API).
import { relations } from 'drizzle-orm';
import { avatars, followers, messages, notifications, passwordResets, posts, users } from './schema';

export const usersRelations = relations(users, ({ one, many }) => ({
  posts: many(posts),
  // Rows where this user is the follower / the one followed.
  following: many(followers, { relationName: 'follower' }),
  followers: many(followers, { relationName: 'followed' }),
  passwordResets: many(passwordResets),
  messagesSent: many(messages, { relationName: 'sender' }),
  messagesReceived: many(messages, { relationName: 'recipient' }),
  notifications: many(notifications),
  avatar: one(avatars),
}));

export const postsRelations = relations(posts, ({ one }) => ({
  author: one(users, { fields: [posts.userId], references: [users.id] }),
}));

export const followersRelations = relations(followers, ({ one }) => ({
  follower: one(users, { fields: [followers.followerId], references: [users.id], relationName: 'follower' }),
  followed: one(users, { fields: [followers.followedId], references: [users.id], relationName: 'followed' }),
}));

export const passwordResetsRelations = relations(passwordResets, ({ one }) => ({
  user: one(users, { fields: [passwordResets.userId], references: [users.id] }),
}));

export const messagesRelations = relations(messages, ({ one }) => ({
  sender: one(users, { fields: [messages.senderId], references: [users.id], relationName: 'sender' }),
  recipient: one(users, { fields: [messages.recipientId], references: [users.id], relationName: 'recipient' }),
}));

export const notificationsRelations = relations(notifications, ({ one }) => ({
  user: one(users, { fields: [notifications.userId], references: [users.id] }),
}));

export const avatarsRelations = relations(avatars, ({ one }) => ({
  user: one(users, { fields: [avatars.userId], references: [users.id] }),
}));
