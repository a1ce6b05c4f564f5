'use client';

import { useActionState } from 'react';
import { deletePostAction } from '@/app/lib/actions/posts';
import { initialFormState } from '@/app/lib/form-state';
import { FormMessage } from '../shared/form-message';
import { SubmitButton } from '../shared/submit-button';

/** The confirmed "Delete" of the author's post; a refusal (not yours, gone) shows as a message. */
export function DeletePostForm({ postId }: { postId: number }) {
  const [state, formAction] = useActionState(deletePostAction, initialFormState);
  return (
    <form action={formAction} className="inline-form">
      <FormMessage state={state} />
      <input type="hidden" name="post_id" value={postId} />
      <SubmitButton variant="danger">Delete</SubmitButton>
    </form>
  );
}
