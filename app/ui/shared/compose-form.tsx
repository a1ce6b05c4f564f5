'use client';

import { useActionState, useState } from 'react';
import { initialFormState, type FormState } from '@/app/lib/form-state';
import { textLength } from '@/app/lib/validation/text';
import { CharacterCounter } from './character-counter';
import { describedBy, FieldError } from './field-error';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';

interface ComposeFormProps {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** The textarea's field name (also its id). */
  name: string;
  label: string;
  max: number;
  /** Fixed fields sent along, e.g. the recipient of a message. */
  hidden?: Record<string, string>;
  autoFocus?: boolean;
  /** Text the box starts with (a reply starts with "@author "). */
  defaultText?: string;
  submitLabel?: string;
  /** The form's id (a link can jump to it: /post/1#reply). */
  id?: string;
}

/**
 * A text to write and submit (a post, a message), with a live counter instead of maxlength, so a long
 * paste is shown and can be shortened, not cut silently. What was typed survives a rejected submit.
 */
export function ComposeForm({ action, name, label, max, hidden = {}, autoFocus, defaultText = '', submitLabel = 'Submit', id }: ComposeFormProps) {
  const [state, formAction] = useActionState(action, initialFormState);
  const [text, setText] = useState(state.values?.[name] ?? defaultText);
  const [lastState, setLastState] = useState(state);
  if (state !== lastState) {
    setLastState(state);
    setText(state.values?.[name] ?? '');
  }
  const length = textLength(text);
  const over = length > max;
  const errors = state.fieldErrors?.[name];
  const errorId = `${name}-error`;
  return (
    <form action={formAction} className="card form" noValidate id={id}>
      <FormMessage state={state.fieldErrors ? { status: 'idle' } : state} />
      {Object.entries(hidden).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <label htmlFor={name}>{label}</label>
      <textarea id={name} name={name} rows={3} value={text} onChange={(e) => setText(e.target.value)} {...describedBy(errorId, errors)} autoFocus={autoFocus} />
      <FieldError id={errorId} errors={errors} />
      <div className="form-row">
        <CharacterCounter length={length} max={max} />
        <SubmitButton disabled={over}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
