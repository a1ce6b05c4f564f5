// `npm run db:seed [-- --users N --posts N --follows N --password P]`: demo data in an empty database.
import { parseArgs } from 'node:util';
import { loadEnv } from './env.mjs';
import { readDatabaseConfig } from '../db/config';
import { closeDb } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { seed } from '../db/seed';

loadEnv();
const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '4' },
    posts: { type: 'string', default: '40' },
    follows: { type: 'string', default: '2' },
    password: { type: 'string', default: 'password123' },
  },
});
const count = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
  return n;
};

const started = performance.now();
await migrateDatabase();
const result = await seed({ users: Math.max(1, count('users')), posts: count('posts'), follows: count('follows'), password: values.password! });
closeDb();
console.log(
  `Seeded ${readDatabaseConfig().url}: ${result.users} users, ${result.posts} posts, ${result.follows} follows in ${((performance.now() - started) / 1000).toFixed(1)} s. ` +
    `Sign in as john / ${values.password}.`,
);
