import Link from 'next/link';
import { Compass, House, LogIn, LogOut, UserRound } from 'lucide-react';
import type { Viewer } from '@/db/viewer';
import { logoutAction } from '@/app/lib/actions/auth';
import type { Theme } from '@/app/lib/theme/theme';
import { MessagesBadge } from './notifications/messages-badge';
import { NavLink } from './shared/nav-link';
import { ThemeSwitch } from './theme/theme-switch';

/**
 * The site's navigation: one row at every width. On a desktop, icons beside labels; on a phone the
 * brand is dropped and each item is an icon over a short label, at least 44 px square.
 *
 * `unreadMessages`: the badge's count when the page was rendered; it then follows live notifications.
 * `theme`: the reader's chosen theme (null: follow the system setting).
 */
export function Nav({ viewer, unreadMessages, theme }: { viewer: Viewer | null; unreadMessages: number; theme: Theme | null }) {
  return (
    <header className="navbar">
      <nav className="container nav-inner" aria-label="Main">
        <Link href="/" className="brand">
          Microblog
        </Link>
        <NavLink href="/">
          <House className="nav-icon" aria-hidden="true" />
          <span className="nav-label">Home</span>
        </NavLink>
        <NavLink href="/explore">
          <Compass className="nav-icon" aria-hidden="true" />
          <span className="nav-label">Explore</span>
        </NavLink>
        <span className="spacer" />
        {viewer ? <MessagesBadge userId={viewer.id} initialCount={unreadMessages} /> : null}
        {viewer ? (
          <NavLink href={`/user/${viewer.username}`}>
            <UserRound className="nav-icon" aria-hidden="true" />
            <span className="nav-label">Profile</span>
          </NavLink>
        ) : null}
        <ThemeSwitch theme={theme} />
        {viewer ? (
          <form action={logoutAction} className="nav-form">
            <button type="submit" className="nav-item">
              <LogOut className="nav-icon" aria-hidden="true" />
              <span className="nav-label">Logout</span>
            </button>
          </form>
        ) : (
          <NavLink href="/login">
            <LogIn className="nav-icon" aria-hidden="true" />
            <span className="nav-label">Login</span>
          </NavLink>
        )}
      </nav>
    </header>
  );
}
