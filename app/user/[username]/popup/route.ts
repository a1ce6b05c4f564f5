import { getProfile } from '@/db/queries/profiles';
import { getViewer } from '@/app/lib/auth';
import { jsonError, jsonErrorFrom } from '@/app/lib/http';
import { decodeSegment } from '@/app/lib/page-params';
import { userPopupFrom } from '@/app/lib/user-popup';
import { usernameParam } from '@/app/lib/validation/profile';

/**
 * The user popover's data (app/ui/popover): JSON, never cached, since counts and the follow state
 * change with every follow. Anonymous requests get a JSON 401 (proxy.ts does not redirect this path:
 * it is fetched by script, which could not follow a redirect to the login page).
 *
 * The viewer comes from getViewer, which records "last seen" (at most one write a minute): hovering
 * a name is something the person did, like any page they open, as in the reference, where every
 * request, this one included, updates last_seen.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ username: string }> }) {
  const parsed = usernameParam.safeParse(decodeSegment((await params).username));
  if (!parsed.success) return jsonError(400, 'Invalid username.');
  try {
    const profile = await getProfile(await getViewer(), parsed.data);
    return Response.json(userPopupFrom(profile), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return jsonErrorFrom(error);
  }
}
