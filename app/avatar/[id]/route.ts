import { avatarSizeParam } from '@/db/avatar';
import { NotFoundError } from '@/db/errors';
import { getAvatarImage } from '@/db/queries/avatars';

const YEAR_S = 365 * 24 * 3600;

/**
 * `GET /avatar/<user id>?v=<version>&s=<size>`: a user's picture, or their identicon, at `s` px
 * (clamped to 16..512, default 128; the last `s` wins, so clients may append `&s=` to the URLs we
 * give them). Public, as Gravatar's URLs are: pages and API clients load it without a session.
 *
 * Caching: a URL whose `v` is the current version never changes, so it may be cached for a year
 * (`immutable`); any other `v` (an old picture's, or none) gets the current picture, revalidated on each
 * use. Either way an ETag (version and size) lets a browser revalidate with a 304.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = (await params).id;
  if (!/^\d{1,15}$/.test(id)) return notFound();
  const url = new URL(request.url);
  const size = avatarSizeParam(url.searchParams.getAll('s'));
  let image;
  try {
    image = await getAvatarImage({ userId: Number(id), size });
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
  const etag = `"${image.version}-${size}"`;
  const headers = {
    'Content-Type': image.contentType,
    ETag: etag,
    'Cache-Control': url.searchParams.get('v') === image.version ? `public, max-age=${YEAR_S}, immutable` : 'public, max-age=0, must-revalidate',
    'X-Content-Type-Options': 'nosniff',
  };
  if (request.headers.get('if-none-match')?.split(/\s*,\s*/).includes(etag)) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(image.body), { headers });
}

function notFound() {
  return new Response('No such avatar.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
