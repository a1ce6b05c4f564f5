import type { Metadata } from 'next';
import Link from 'next/link';
import { listPosts } from '@/db/queries/posts';
import { requireViewer } from './lib/auth';
import { pageCursors, type SearchParams } from './lib/page-params';
import { PostForm } from './ui/posts/post-form';
import { PostList } from './ui/posts/post-list';

export const metadata: Metadata = { title: 'Home' };

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer('/');
  const page = await listPosts(viewer, { scope: { kind: 'home' }, ...pageCursors(await searchParams) });
  return (
    <>
      <h1>Hi, {viewer.username}!</h1>
      <PostForm />
      <PostList
        viewerUsername={viewer.username}
        page={page}
        basePath="/"
        empty={
          <>
            No posts yet. Say something, or find people to follow on <Link href="/explore">Explore</Link>.
          </>
        }
      />
    </>
  );
}
