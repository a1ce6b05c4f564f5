import type { NextRequest, NextResponse } from 'next/server';
import { declaredTooLarge, MAX_BODY_BYTES, readBody } from './body';
import { hasMalformedEscape } from './malformed-path';
import { notFoundAnswer, refusal } from './responses';
import { isCrossSitePost, mayBeServerAction, serverActionBodyProblem } from './server-action';

// Every body may have 1 MB, except Edit Profile's, which carries a picture of up to 5 MB: its limit
// leaves room for a larger picture, so that one gets the form's own message with the other fields
// kept, not the 413 page. next.config.mjs sets the framework's limit (serverActions.bodySizeLimit) to
// the larger one.
export const UPLOAD_BODY_BYTES = 8 * 1024 * 1024;
const UPLOAD_PATHS = new Set(['/edit-profile']);

function maxBodyBytes(method: string, pathname: string): number {
  return method === 'POST' && UPLOAD_PATHS.has(pathname) ? UPLOAD_BODY_BYTES : MAX_BODY_BYTES;
}

/**
 * The first thing proxy.ts does: answers hostile or malformed requests with a clear status before
 * Next.js turns them into bare 500s. Returns the answer, or null to let the request through.
 * - a path with malformed percent-escapes: 404 (the friendly page, or JSON);
 * - a cross-site POST (a foreign or `null` Origin): 403;
 * - a body over 1 MB, by Content-Length or by the bytes that arrive (chunked uploads): 413;
 * - a server-action body React's decoder cannot read (edited references, broken JSON or multipart): 400.
 * Bodies are read only for possible server actions and for uploads without Content-Length.
 */
export async function refuseBadRequest(request: NextRequest): Promise<NextResponse | null> {
  const { pathname } = request.nextUrl;
  if (hasMalformedEscape(pathname)) return notFoundAnswer(request, pathname);
  if (isCrossSitePost(request, pathname)) return refusal(403, pathname);
  const max = maxBodyBytes(request.method, pathname);
  if (declaredTooLarge(request, max)) return refusal(413, pathname);
  const action = mayBeServerAction(request, pathname);
  const unsized = request.body !== null && !request.headers.has('content-length');
  if (!action && !unsized) return null;
  const body = await readBody(request, max);
  if (body === 'too-large') return refusal(413, pathname);
  const problem = action ? await serverActionBodyProblem(request, body.bytes) : null;
  if (problem) {
    console.warn(`Refused a server-action request to ${pathname}: ${problem}.`);
    return refusal(400, pathname);
  }
  return null;
}
