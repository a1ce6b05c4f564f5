import Link from 'next/link';
import type { Viewer } from '@/db/viewer';
import { logoutAction } from '@/app/lib/actions/auth';
import { MessagesBadge } from './notifications/messages-badge';

/** `unreadMessages`: the badge's count when the page was rendered; it then follows live notifications. */
export function Nav({ viewer, unreadMessages }: { viewer: Viewer | null; unreadMessages: number }) {
  return (
    <header className="navbar">
      <nav className="container nav-inner" aria-label="Main">
        <Link href="/" className="brand">
          Microblog
        </Link>
        <Link href="/">Home</Link>
        <Link href="/explore">Explore</Link>
        <span className="spacer" />
        {viewer ? <MessagesBadge userId={viewer.id} initialCount={unreadMessages} /> : null}
        {viewer ? <Link href={`/user/${viewer.username}`}>Profile</Link> : null}
        {viewer ? (
          <form action={logoutAction}>
            <button type="submit" className="link-button">
              Logout
            </button>
          </form>
        ) : (
          <Link href="/login">Login</Link>
        )}
      </nav>
    </header>
  );
}
