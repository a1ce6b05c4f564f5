import Link from 'next/link';
import { segmentBody } from '@/db/post-entities';

/**
 * A post's text as plain text (React escapes it; CSS keeps line breaks), with @mentions of the users
 * it mentioned linked to their profiles and #hashtags linked to their tag pages. Unknown @names stay text.
 */
export function PostBody({ body, mentions }: { body: string; mentions: string[] }) {
  return (
    <p className="post-body">
      {segmentBody(body, mentions).map((segment, i) => {
        if (segment.type === 'mention') {
          return (
            <Link key={i} href={`/user/${segment.username}`} prefetch={false} className="mention">
              {segment.text}
            </Link>
          );
        }
        if (segment.type === 'tag') {
          return (
            <Link key={i} href={`/tags/${encodeURIComponent(segment.tag)}`} prefetch={false} className="hashtag">
              {segment.text}
            </Link>
          );
        }
        return segment.text;
      })}
    </p>
  );
}
