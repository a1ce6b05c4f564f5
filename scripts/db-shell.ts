// `npm run db:shell`: a Node REPL with the database, the tables and the data layer preloaded (the
// `flask shell` of this project). Try: `await db.select().from(users)` or `await listPosts(...)`.
import repl from 'node:repl';
import * as drizzle from 'drizzle-orm';
import { loadEnv } from './env.mjs';
import { readDatabaseConfig } from '../db/config';
import { getDb } from '../db/client';
import * as schema from '../db/schema';
import * as posts from '../db/queries/posts';
import * as users from '../db/queries/users';

loadEnv();
const db = getDb();
const context = { db, drizzle, ...schema, ...posts, ...users };
console.log(`Database: ${readDatabaseConfig().url}`);
console.log(`Preloaded: ${Object.keys(context).filter((k) => k !== 'drizzle').join(', ')}, drizzle (operators: drizzle.eq, ...)`);
const server = repl.start({ prompt: 'microblog> ' });
Object.assign(server.context, context);
