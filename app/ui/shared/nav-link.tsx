'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** True when `pathname` is `href` or a page below it ("/user/ann/followers" is under "/user/ann"). */
export function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || (href !== '/' && pathname.startsWith(`${href}/`));
}

/**
 * A navigation link marked `aria-current="page"` on its own page (and the pages below it), which the
 * stylesheet also shows. `children`: an icon and a label (.nav-label).
 */
export function NavLink({ href, children, prefetch, className = 'nav-item' }: { href: string; children: React.ReactNode; prefetch?: boolean; className?: string }) {
  const pathname = usePathname();
  return (
    <Link href={href} prefetch={prefetch} className={className} aria-current={isCurrent(pathname, href) ? 'page' : undefined}>
      {children}
    </Link>
  );
}
