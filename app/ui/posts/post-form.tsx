import { createPostAction } from '@/app/lib/actions/posts';
import { POST_MAX } from '@/app/lib/limits';
import { ComposeForm } from '../shared/compose-form';

/** "Say something", 1 to 280 characters. Not focused on load: on a phone that would open the keyboard. */
export function PostForm() {
  return <ComposeForm action={createPostAction} name="post" label="Say something" max={POST_MAX} />;
}
