// `npm run db:seed [-- --users N --posts N --follows N --password P]`: demo data. Run again, it skips the
// demo users that exist (with their posts and follows) and says so.
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
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Seeding ${readDatabaseConfig().url}:`);
if (result.existing > 0) {
  const names = result.existingNames.join(', ') + (result.existing > result.existingNames.length ? ', ...' : '');
  console.log(`  Already there: ${result.existing} demo user(s) (${names}); skipped, with their posts and follows.`);
}
if (result.emailTaken.length > 0) {
  console.log(`  Skipped ${result.emailTaken.length} demo user(s) whose e-mail another account has: ${result.emailTaken.slice(0, 5).join(', ')}.`);
}
console.log(`  Added: ${result.users} users, ${result.posts} posts (${result.replies} replies), ${result.follows} follows, ${result.tags} hashtags, ${result.mentions} mentions, ${result.likes} likes, ${result.notifications} notifications in ${seconds} s.`);
if (result.users === 0 && result.existing > 0) console.log('  Nothing new. Ask for more with --users N (the first N demo users are kept as they are).');
console.log(`Sign in as john / ${values.password}${result.existing > 0 ? ' (unless you changed that password)' : ''}.`);
