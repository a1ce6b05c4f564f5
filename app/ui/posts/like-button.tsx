import { likeAction } from '@/app/lib/actions/posts';
import { SubmitButton } from '../shared/submit-button';

/**
 * Like / Unlike as a real form (works without JavaScript; with it the page updates in place). The
 * button says what it does and whether it is on (aria-pressed); the count sits beside it.
 */
export function LikeButton({ postId, liked, count }: { postId: number; liked: boolean; count: number }) {
  return (
    <form action={likeAction} className="inline-form like-form">
      <input type="hidden" name="post_id" value={postId} />
      <input type="hidden" name="like" value={liked ? '0' : '1'} />
      <SubmitButton className={liked ? 'post-action liked' : 'post-action'} pressed={liked} label={liked ? `Unlike (${count} likes)` : `Like (${count} likes)`}>
        <span aria-hidden="true">{liked ? '♥' : '♡'}</span> {liked ? 'Liked' : 'Like'}
      </SubmitButton>
    </form>
  );
}
