// Every relations() declaration lives here (drizzle-orm 0.45: the v1 relations API).
import { relations } from 'drizzle-orm';
import { activities, apiTokens, avatars, followers, messages, notifications, passwordResets, postLikes, postMentions, postTags, posts, sessions, users } from './schema';

export const usersRelations = relations(users, ({ one, many }) => ({
  posts: many(posts),
  // Rows where this user is the follower / the one followed.
  following: many(followers, { relationName: 'follower' }),
  followers: many(followers, { relationName: 'followed' }),
  passwordResets: many(passwordResets),
  messagesSent: many(messages, { relationName: 'sender' }),
  messagesReceived: many(messages, { relationName: 'recipient' }),
  notifications: many(notifications),
  sessions: many(sessions),
  likes: many(postLikes),
  mentions: many(postMentions),
  activities: many(activities, { relationName: 'recipient' }),
  activitiesDone: many(activities, { relationName: 'actor' }),
  apiTokens: many(apiTokens),
  avatar: one(avatars),
}));

export const postsRelations = relations(posts, ({ one, many }) => ({
  author: one(users, { fields: [posts.userId], references: [users.id] }),
  // No foreign key (a reply outlives its parent), but the relation still reads naturally.
  inReplyTo: one(posts, { fields: [posts.inReplyToId], references: [posts.id], relationName: 'replies' }),
  replies: many(posts, { relationName: 'replies' }),
  likes: many(postLikes),
  mentions: many(postMentions),
  tags: many(postTags),
}));

export const postLikesRelations = relations(postLikes, ({ one }) => ({
  post: one(posts, { fields: [postLikes.postId], references: [posts.id] }),
  user: one(users, { fields: [postLikes.userId], references: [users.id] }),
}));

export const postMentionsRelations = relations(postMentions, ({ one }) => ({
  post: one(posts, { fields: [postMentions.postId], references: [posts.id] }),
  user: one(users, { fields: [postMentions.userId], references: [users.id] }),
}));

export const postTagsRelations = relations(postTags, ({ one }) => ({
  post: one(posts, { fields: [postTags.postId], references: [posts.id] }),
}));

export const activitiesRelations = relations(activities, ({ one }) => ({
  user: one(users, { fields: [activities.userId], references: [users.id], relationName: 'recipient' }),
  actor: one(users, { fields: [activities.actorId], references: [users.id], relationName: 'actor' }),
  post: one(posts, { fields: [activities.postId], references: [posts.id] }),
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

export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));

export const apiTokensRelations = relations(apiTokens, ({ one }) => ({
  user: one(users, { fields: [apiTokens.userId], references: [users.id] }),
}));

export const avatarsRelations = relations(avatars, ({ one }) => ({
  user: one(users, { fields: [avatars.userId], references: [users.id] }),
}));
