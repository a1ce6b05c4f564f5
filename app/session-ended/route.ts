import { NextResponse, type NextRequest } from 'next/server';
import { getViewer } from '../lib/auth';
import { safeNextPath } from '../lib/safe-redirect';
import { SESSION_COOKIE_NAMES, sessionCookieOptions } from '../lib/session-cookie';

/**
 * Where requireViewer sends a request whose session cookie no longer names a valid session: clears
 * that cookie (only then: a live session is never ended by a GET) and goes to the login page.
 */
export async function GET(request: NextRequest) {
  const next = request.nextUrl.searchParams.get('next');
  const target = next ? `/login?next=${encodeURIComponent(safeNextPath(next))}` : '/login';
  // A relative Location: request.url names the host the server bound, not the one the browser used.
  const response = new NextResponse(null, { status: 307, headers: { Location: target } });
  if (!(await getViewer())) {
    // Same attributes as when set (a __Secure- cookie is only replaced by a secure one), expired.
    for (const name of SESSION_COOKIE_NAMES) {
      if (request.cookies.has(name)) response.cookies.set(name, '', { ...sessionCookieOptions(name, false), maxAge: 0 });
    }
  }
  return response;
}
