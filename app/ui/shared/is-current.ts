/**
 * Whether a navigation link to `href` is the current page for `pathname`: the same path, or a page
 * below it ("/user/ann/followers" is under "/user/ann"). "/" matches only itself.
 */
export function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || (href !== '/' && pathname.startsWith(`${href}/`));
}
