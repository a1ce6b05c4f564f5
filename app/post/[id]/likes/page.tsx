import type { Metadata } from 'next';
import Link from 'next/link';
import { listLikers } from '@/db/queries/likes';
import { requireViewer } from '@/app/lib/auth';
import { loadOr404 } from '@/app/lib/load-or-404';
import { type SearchParams } from '@/app/lib/page-params';
import { postIdOr404 } from '@/app/lib/post-param';
import { UserPopoverLink } from '@/app/ui/popover/user-popover-link';
import { Avatar } from '@/app/ui/shared/avatar';

export const metadata: Metadata = { title: 'Liked by' };

/** Who liked a post, 25 at a time. */
export default async function LikesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const viewer = await requireViewer(`/post/${id}/likes`);
  const postId = postIdOr404(id);
  const after = (await searchParams).after;
  const page = await loadOr404(() => listLikers(viewer, { postId, after: typeof after === 'string' ? after : null }));
  return (
    <>
      <h1>Liked by</h1>
      <p>
        <Link href={`/post/${postId}`}>Back to the post</Link>
      </p>
      {page.users.length === 0 ? <p className="empty">Nobody likes this post yet.</p> : null}
      <ul className="user-list">
        {page.users.map((user) => (
          <li key={user.id} className="user-row">
            <Avatar avatar={user.avatar} size={36} />
            <UserPopoverLink username={user.username} className="username" />
          </li>
        ))}
      </ul>
      {page.nextCursor ? (
        <nav className="pagination" aria-label="Pagination">
          <Link href={`/post/${postId}/likes?after=${page.nextCursor}`}>More →</Link>
        </nav>
      ) : null}
    </>
  );
}
