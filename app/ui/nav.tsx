import Link from 'next/link';
import { Compass, House, LogIn, LogOut, Search, UserRound } from 'lucide-react';
import type { Viewer } from '@/db/viewer';
import { logoutAction } from '@/app/lib/actions/auth';
import type { Theme } from '@/app/lib/theme/theme';
import { MessagesBadge, NotificationsBadge } from './notifications/messages-badge';
import { NavLink } from './shared/nav-link';
import { ThemeSwitch } from './theme/theme-switch';

/**
 * The site's navigation: one row at every width. On a desktop, icons beside labels and a search box;
 * on a phone the brand is dropped, the search box becomes a Search item (the /search page has the
 * box), and each item is an icon over a short label, at least 44 px square.
 *
 * `unread`: the badges' counts when the page was rendered; they then follow live notifications.
 * `theme`: the reader's chosen theme (null: follow the system setting).
 */
export function Nav({ viewer, unread, theme }: { viewer: Viewer | null; unread: { messages: number; activity: number }; theme: Theme | null }) {
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
        {viewer ? (
          <form action="/search" method="get" role="search" className="nav-search">
            <label htmlFor="nav-search" className="visually-hidden">
              Search
            </label>
            <input id="nav-search" type="search" name="q" placeholder="Search" />
          </form>
        ) : null}
        {viewer ? (
          <NavLink href="/search" className="nav-item nav-search-link">
            <Search className="nav-icon" aria-hidden="true" />
            <span className="nav-label">Search</span>
          </NavLink>
        ) : null}
        <span className="spacer" />
        {viewer ? <NotificationsBadge userId={viewer.id} initialCount={unread.activity} /> : null}
        {viewer ? <MessagesBadge userId={viewer.id} initialCount={unread.messages} /> : null}
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
