import 'server-only';
import { notFound } from 'next/navigation';
import { postIdParam } from './validation/posts';

/** The `[id]` segment of /post/<id> pages as a post id; anything else is the 404 page. */
export function postIdOr404(segment: string): number {
  const parsed = postIdParam.safeParse(segment);
  if (!parsed.success || !/^\d+$/.test(segment)) notFound();
  return parsed.data;
}
