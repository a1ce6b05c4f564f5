// `npm run db:shell`: a Node REPL with the database, the tables and every data-layer function preloaded
// (the `flask shell` of this project). Every module in db/queries/ is loaded, found by listing the
// folder, so a new one needs no change here.
import fs from 'node:fs';
import path from 'node:path';
import repl from 'node:repl';
import { pathToFileURL } from 'node:url';
import * as drizzle from 'drizzle-orm';
import { eq } from 'drizzle-orm';
import { loadEnv } from './env.mjs';
import { readDatabaseConfig } from '../db/config';
import { getDb } from '../db/client';
import * as schema from '../db/schema';
import type { Viewer } from '../db/viewer';

loadEnv();
const db = getDb();

/** The Viewer the data layer expects, for the user with this name, as a session would hold it. */
async function viewerOf(username: string): Promise<Viewer> {
  const [row] = await db.select({ id: schema.users.id, username: schema.users.username }).from(schema.users).where(eq(schema.users.username, username));
  if (!row) throw new Error(`No user named ${username}`);
  return row;
}

const context: Record<string, unknown> = { db, drizzle, viewerOf, ...schema };
const queriesDir = path.resolve(import.meta.dirname, '../db/queries');
const modules = fs.readdirSync(queriesDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts')).sort();
const loaded: string[] = [];
for (const file of modules) {
  const name = path.basename(file, '.ts');
  const exports = (await import(pathToFileURL(path.join(queriesDir, file)).href)) as Record<string, unknown>;
  const functions = Object.entries(exports).filter(([, value]) => typeof value === 'function');
  for (const [key, value] of functions) {
    // A name already taken (a table, another module's function) stays reachable as <module>.<name>.
    if (!(key in context)) context[key] = value;
  }
  context[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] ??= exports;
  loaded.push(`${name} (${functions.length})`);
}

const tables = Object.entries(schema).filter(([, value]) => value instanceof drizzle.Table).map(([key]) => key);
console.log(`Microblog shell on ${readDatabaseConfig().url}`);
console.log(`Tables: ${tables.join(', ')}. Data layer (db/queries/): ${loaded.join(', ')}, every function by its name.`);
console.log(`Also: db, drizzle (eq, and, desc, ...), viewerOf(username). Try, as in the tutorial:

  await db.select().from(users)                                       // every user
  await db.select().from(posts).where(drizzle.eq(posts.userId, 1))    // the posts of user 1
  const john = await viewerOf('john')                                 // act as john
  await createPost(john, { body: 'my first post!' })
  await listPosts(john, { scope: { kind: 'home' } })                  // john's timeline
  await followUser(john, 'susan')
  await getProfile(john, 'susan')                                     // counts, follow state
`);
const server = repl.start({ prompt: 'microblog> ' });
Object.assign(server.context, context);
