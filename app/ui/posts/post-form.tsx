'use client';

import { useActionState, useState } from 'react';
import { createPostAction } from '@/app/lib/actions/posts';
import { initialFormState } from '@/app/lib/form-state';
import { codePointLength, POST_MAX } from '@/app/lib/limits';
import { describedBy, FieldError } from '../shared/field-error';
import { FormMessage } from '../shared/form-message';
import { SubmitButton } from '../shared/submit-button';

/** "Say something": a live counter instead of maxlength, so a long paste is shown, not cut silently. */
export function PostForm() {
  const [state, formAction] = useActionState(createPostAction, initialFormState);
  const [text, setText] = useState(state.values?.post ?? '');
  const [lastState, setLastState] = useState(state);
  if (state !== lastState) {
    setLastState(state);
    setText(state.values?.post ?? '');
  }
  const length = codePointLength(text.trim());
  const over = length > POST_MAX;
  const errors = state.fieldErrors?.post;
  return (
    <form action={formAction} className="card form" noValidate>
      <FormMessage state={state.fieldErrors ? { status: 'idle' } : state} />
      <label htmlFor="post">Say something</label>
      <textarea id="post" name="post" rows={3} value={text} onChange={(e) => setText(e.target.value)} {...describedBy('post-error', errors)} autoFocus />
      <FieldError id="post-error" errors={errors} />
      <div className="form-row">
        <span className={over ? 'counter counter-over' : 'counter'} aria-live="polite">
          {over ? `${length - POST_MAX} characters too many` : `${POST_MAX - length} characters left`}
        </span>
        <SubmitButton disabled={over}>Submit</SubmitButton>
      </div>
    </form>
  );
}
