import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { decodeCursor } from '../cursor';
import { NotFoundError } from '../errors';
import { posts } from '../schema';
import type { Viewer } from '../viewer';
import { signedIn } from './guards';
import { newerThan, PAGE_SIZE, postsById, selectPostsOldestFirst, type PostDTO } from './posts';

/** How many posts above the one shown a thread page lists; older ones are a link away. */
export const THREAD_ANCESTORS = 20;

/** A post in the chain above: the post, or a gap where a post was deleted. */
export type AncestorDTO = { deleted: false; post: PostDTO } | { deleted: true; id: number };

export interface ThreadDTO {
  post: PostDTO;
  /** The posts this one answers, oldest first, at most THREAD_ANCESTORS. */
  ancestors: AncestorDTO[];
  /** The id of the post above the first ancestor shown, when the chain goes on further up. */
  earlierId: number | null;
  replies: PostDTO[];
  /** Cursor for the next page of replies (`?after=`), or null when all are shown. */
  moreRepliesCursor: string | null;
}

/**
 * Ids of the posts above `postId`, nearest first: one recursive query walking in_reply_to_id. It stops
 * at the top of the thread, at a deleted post (whose id it still returns), or after `limit + 1` steps.
 */
async function ancestorIds(postId: number, limit: number): Promise<number[]> {
  const result = await getDb().all<{ id: number }>(sql`
    with recursive chain(id, depth) as (
      select in_reply_to_id, 1 from ${posts} where id = ${postId}
      union all
      select p.in_reply_to_id, chain.depth + 1 from chain join ${posts} p on p.id = chain.id
      where chain.depth <= ${limit} and p.in_reply_to_id is not null
    )
    select id from chain where id is not null order by depth`);
  return result.map((r) => Number(r.id));
}

/**
 * A post's page: the posts it answers (deleted ones as gaps), the post, and its replies oldest first,
 * PAGE_SIZE at a time (`after`: the cursor of the last reply shown).
 * @throws NotFoundError for a missing post; UnauthenticatedError.
 */
export async function getThread(viewer: Viewer | null, input: { postId: number; after?: string | null }): Promise<ThreadDTO> {
  const me = signedIn(viewer);
  const chain = await ancestorIds(input.postId, THREAD_ANCESTORS);
  const shown = chain.slice(0, THREAD_ANCESTORS);
  const found = await postsById(me, [input.postId, ...shown]);
  const post = found.get(input.postId);
  if (!post) throw new NotFoundError('That post does not exist (any more).');
  const ancestors: AncestorDTO[] = shown
    .map((id): AncestorDTO => {
      const ancestor = found.get(id);
      return ancestor ? { deleted: false, post: ancestor } : { deleted: true, id };
    })
    .reverse();

  const after = decodeCursor(input.after);
  const where = and(eq(posts.inReplyToId, input.postId), after ? newerThan(after) : undefined);
  const rows = await selectPostsOldestFirst(me, where, PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  return {
    post,
    ancestors,
    earlierId: chain.length > THREAD_ANCESTORS ? shown[shown.length - 1] : null,
    replies: page.map((r) => r.post),
    moreRepliesCursor: rows.length > PAGE_SIZE ? page[page.length - 1].cursor : null,
  };
}
