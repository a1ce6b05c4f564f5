// Every relations() declaration lives here (drizzle-orm 0.45: the v1 relations API).
import { relations } from 'drizzle-orm';
import { posts, users } from './schema';

export const usersRelations = relations(users, ({ many }) => ({
  posts: many(posts),
}));

export const postsRelations = relations(posts, ({ one }) => ({
  author: one(users, { fields: [posts.userId], references: [users.id] }),
}));
