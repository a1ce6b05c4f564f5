import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import type { PostPage } from '@/db/queries/posts';
import { benchRoutesEnabled } from '@/app/lib/bench-routes';
import { PostList } from '@/app/ui/posts/post-list';

// 25 posts held in memory: the benchmark's control, the framework's own ceiling for this page shape.
const PAGE: PostPage = {
  posts: Array.from({ length: 25 }, (_, i) => ({
    id: i + 1,
    body: `control post number ${i + 1} with a few words of text in it`,
    timestamp: new Date(Date.UTC(2026, 0, 1, 12, 0, 0) - i * 60_000).toISOString(),
    author: { username: `user${i}`, avatar: `/avatar/${i + 1}?v=0` },
    editedAt: null,
    inReplyTo: null,
    likeCount: i % 3,
    replyCount: i % 2,
    likedByViewer: false,
    mentions: [],
  })),
  olderCursor: 'MTc2NzI2OTYwMDAwMC4x',
  newerCursor: null,
};

/** A bare dynamic page of 25 posts: no database and no session. */
export default async function ControlPage() {
  await connection();
  if (!benchRoutesEnabled()) notFound();
  return (
    <>
      <h1>Hi, control!</h1>
      <PostList page={PAGE} basePath="/bench/control" empty="" />
    </>
  );
}
