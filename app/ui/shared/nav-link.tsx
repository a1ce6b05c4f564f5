'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isCurrent } from './is-current';

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
