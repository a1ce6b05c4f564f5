import Link from 'next/link';
import type { UserPage } from '@/db/queries/follows';
import { UserPopoverLink } from '../popover/user-popover-link';
import { Avatar } from '../shared/avatar';
import { FollowButton } from './follow-button';

export function UserList({ page, basePath, empty, isFirst }: { page: UserPage; basePath: string; empty: string; isFirst: boolean }) {
  return (
    <section aria-label="People">
      {page.users.length === 0 ? <p className="empty">{empty}</p> : null}
      {page.users.map((user) => (
        <article key={user.id} className="post">
          <Avatar avatar={user.avatar} size={48} />
          <div className="post-main">
            <UserPopoverLink username={user.username} className="username" />
            {user.aboutMe ? <p className="post-body">{user.aboutMe}</p> : null}
          </div>
          {user.isSelf ? null : <FollowButton username={user.username} isFollowing={user.isFollowing} />}
        </article>
      ))}
      <nav className="pagination" aria-label="Pagination">
        {isFirst ? <span /> : <Link href={basePath}>← First page</Link>}
        {page.nextCursor ? <Link href={`${basePath}?after=${page.nextCursor}`}>More →</Link> : null}
      </nav>
    </section>
  );
}
