// Search and a thread page under load, and the search query's own time (scripts/bench.ts calls it with
// its seeded server and a signed-in session cookie).
//  - /search?q= at 16 connections for a very common word, a common word, a rare word, a phrase and a
//    prefix: requests/s, p50, p99, SQL calls, and how many posts match;
//  - the same queries through the data-layer function (searchPosts) in this process, on the server's
//    database file: p50 and p99 over SEARCH_RUNS calls, so page rendering and HTTP are left out;
//  - /post/<id> for the post with the most replies.
import { load, queriesFor, type Target } from './bench-load';
import { summarize } from './bench-server';

const SEARCH_RUNS = 200;
/** Frequencies on the 100,000-post seed (db/seed-text.ts): about 75%, 25%, 0.3%, 6% and 0.4% of posts. */
export const SEARCH_QUERIES = [
  { name: 'very common word', q: 'the' },
  { name: 'common word (stemmed: walk, walked, walking)', q: 'walking' },
  { name: 'rare word', q: 'lighthouse' },
  { name: 'phrase', q: '"the garden"' },
  { name: 'prefix', q: 'harb' },
];

export async function benchSearch(baseURL: string, cookie: string, databaseUrl: string): Promise<void> {
  // The data-layer modules read DATABASE_URL when first used: point them at the server's file.
  process.env.DATABASE_URL = databaseUrl;
  const { busiestThreadPostId, timeSearchPosts } = await import('../db/queries/diagnostics');
  const { closeDb } = await import('../db/client');

  console.log('\n## Search at 16 connections (/search?q=, 25 results with snippets; latency in ms) and the query alone in-process');
  console.log(`| query | matching posts | req/s | p50 | p99 | SQL calls | non-2xx/errors | searchPosts() p50 | p99 (${SEARCH_RUNS} runs) |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { name, q } of SEARCH_QUERIES) {
    const target: Target = { name, path: `/search?${new URLSearchParams({ q })}`, cookie };
    const queries = await queriesFor(baseURL, target);
    await load(baseURL, target, 2); // warm-up
    const r = await load(baseURL, target);
    const own = await timeSearchPosts('john', q, SEARCH_RUNS);
    const t = summarize(own.ms);
    console.log(`| ${name}: \`${q}\` | ${own.total.toLocaleString('en')} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${queries} | ${r.errors} | ${t.p50.toFixed(2)} ms | ${t.p99.toFixed(2)} ms |`);
  }

  const threadId = await busiestThreadPostId();
  closeDb();
  if (threadId === null) throw new Error('the seed wrote no replies');
  const thread: Target = { name: `thread page /post/${threadId}`, path: `/post/${threadId}`, cookie };
  const html = await (await fetch(baseURL + thread.path, { headers: { cookie } })).text();
  const shown = (html.match(/<article/g) ?? []).length;
  const queries = await queriesFor(baseURL, thread);
  await load(baseURL, thread, 2);
  const r = await load(baseURL, thread);
  console.log('\n## Thread page at 16 connections (the post with the most replies)');
  console.log('| page | posts shown (thread above, post, replies) | req/s | p50 | p99 | SQL calls | non-2xx/errors |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(`| ${thread.name} | ${shown} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${queries} | ${r.errors} |`);
}
