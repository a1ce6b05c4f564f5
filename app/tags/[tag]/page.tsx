import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { isValidTag, normalizeTag } from '@/db/post-entities';
import { listPosts } from '@/db/queries/posts';
import { requireViewer } from '@/app/lib/auth';
import { decodeSegment, pageCursors, type SearchParams } from '@/app/lib/page-params';
import { PostList } from '@/app/ui/posts/post-list';

export async function generateMetadata({ params }: { params: Promise<{ tag: string }> }): Promise<Metadata> {
  return { title: `#${decodeSegment((await params).tag)}` };
}

/** Posts with a hashtag, newest first, 25 per page; the tag matches without regard to case. */
export default async function TagPage({ params, searchParams }: { params: Promise<{ tag: string }>; searchParams: SearchParams }) {
  const raw = decodeSegment((await params).tag);
  const viewer = await requireViewer(`/tags/${encodeURIComponent(raw)}`);
  if (!isValidTag(raw)) notFound();
  const tag = normalizeTag(raw);
  const page = await listPosts(viewer, { scope: { kind: 'tag', tag }, ...pageCursors(await searchParams) });
  return (
    <>
      <h1>#{tag}</h1>
      <PostList viewerUsername={viewer.username} page={page} basePath={`/tags/${encodeURIComponent(tag)}`} empty={`No posts with #${tag} yet.`} />
    </>
  );
}
