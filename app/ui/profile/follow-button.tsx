import { followAction, unfollowAction } from '@/app/lib/actions/follows';
import { SubmitButton } from '../shared/submit-button';

/** A real form: works without JavaScript, and with it the page updates in place. Unfollow is secondary. */
export function FollowButton({ username, isFollowing }: { username: string; isFollowing: boolean }) {
  return (
    <form action={isFollowing ? unfollowAction : followAction} className="inline-form">
      <input type="hidden" name="username" value={username} />
      <SubmitButton variant={isFollowing ? 'secondary' : 'primary'}>{isFollowing ? 'Unfollow' : 'Follow'}</SubmitButton>
    </form>
  );
}
