import type { Metadata } from 'next';
import { listPosts } from '@/db/queries/posts';
import { requireViewer } from '../lib/auth';
import { pageCursors, type SearchParams } from '../lib/page-params';
import { PostList } from '../ui/posts/post-list';

export const metadata: Metadata = { title: 'Explore' };

export default async function ExplorePage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer('/explore');
  const page = await listPosts(viewer, { scope: { kind: 'explore' }, ...pageCursors(await searchParams) });
  return (
    <>
      <h1>Explore</h1>
      <PostList viewerUsername={viewer.username} page={page} basePath="/explore" empty="Nobody has posted yet." />
    </>
  );
}
