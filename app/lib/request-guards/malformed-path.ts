/**
 * A path whose percent-escapes do not decode as UTF-8 (`/user/%FF`, `/reset-password/%ZZ`,
 * `/user/100%`). Next.js decodes dynamic segments with decodeURIComponent and answers such paths with a
 * bare error page, so proxy.ts answers them first, with the 404 they deserve: no page has that address.
 */
export function hasMalformedEscape(pathname: string): boolean {
  if (!pathname.includes('%')) return false;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
