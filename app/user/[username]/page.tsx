import type { Metadata } from 'next';
import { listPosts } from '@/db/queries/posts';
import { getProfile } from '@/db/queries/profiles';
import { requireViewer } from '@/app/lib/auth';
import { loadOr404 } from '@/app/lib/load-or-404';
import { decodeSegment, pageCursors, type SearchParams } from '@/app/lib/page-params';
import { PostList } from '@/app/ui/posts/post-list';
import { ProfileHeader } from '@/app/ui/profile/profile-header';

type Params = Promise<{ username: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: decodeSegment((await params).username) };
}

export default async function ProfilePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const username = decodeSegment((await params).username);
  const viewer = await requireViewer(`/user/${username}`);
  const profile = await loadOr404(() => getProfile(viewer, username));
  const page = await listPosts(viewer, { scope: { kind: 'user', userId: profile.id }, ...pageCursors(await searchParams) });
  return (
    <>
      <ProfileHeader profile={profile} />
      <PostList viewerUsername={viewer.username} page={page} basePath={`/user/${profile.username}`} empty={`${profile.username} has not posted yet.`} />
    </>
  );
}
