import Link from 'next/link';
import { listConnections } from '@/db/queries/follows';
import { requireViewer } from '@/app/lib/auth';
import { loadOr404 } from '@/app/lib/load-or-404';
import { UserList } from './user-list';

/** The followers and following pages: the same page, two directions. */
export async function ConnectionsPage({ username, direction, after }: { username: string; direction: 'followers' | 'following'; after: string | null }) {
  const viewer = await requireViewer(`/user/${username}/${direction}`);
  const { owner, page } = await loadOr404(() => listConnections(viewer, { username, direction, after }));
  const title = direction === 'followers' ? `Followers of ${owner}` : `People ${owner} follows`;
  return (
    <>
      <h1>{title}</h1>
      <p>
        <Link href={`/user/${owner}`}>← Back to {owner}</Link>
      </p>
      <UserList
        page={page}
        basePath={`/user/${owner}/${direction}`}
        isFirst={!after}
        empty={direction === 'followers' ? `Nobody follows ${owner} yet.` : `${owner} does not follow anyone yet.`}
      />
    </>
  );
}
