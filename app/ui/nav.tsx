import Link from 'next/link';
import type { Viewer } from '@/db/viewer';
import { logoutAction } from '@/app/lib/actions/auth';
import { MessagesBadge, NotificationsBadge } from './notifications/messages-badge';

/** `unread`: the badges' counts when the page was rendered; they then follow live notifications. */
export function Nav({ viewer, unread }: { viewer: Viewer | null; unread: { messages: number; activity: number } }) {
  return (
    <header className="navbar">
      <nav className="container nav-inner" aria-label="Main">
        <Link href="/" className="brand">
          Microblog
        </Link>
        <Link href="/">Home</Link>
        <Link href="/explore">Explore</Link>
        {viewer ? (
          <form action="/search" method="get" role="search" className="nav-search">
            <label htmlFor="nav-search" className="visually-hidden">
              Search
            </label>
            <input id="nav-search" type="search" name="q" placeholder="Search" />
          </form>
        ) : null}
        <span className="spacer" />
        {viewer ? <NotificationsBadge userId={viewer.id} initialCount={unread.activity} /> : null}
        {viewer ? <MessagesBadge userId={viewer.id} initialCount={unread.messages} /> : null}
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
