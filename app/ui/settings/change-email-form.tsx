'use client';

import { useActionState } from 'react';
import { changeEmailAction } from '@/app/lib/actions/settings';
import { initialFormState } from '@/app/lib/form-state';
import { FormMessage } from '../shared/form-message';
import { SubmitButton } from '../shared/submit-button';
import { TextField } from '../shared/text-field';

export function ChangeEmailForm({ email }: { email: string }) {
  const [state, formAction] = useActionState(changeEmailAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="card form" aria-labelledby="change-email-heading" noValidate>
      <h2 id="change-email-heading">Change email</h2>
      <p className="hint">
        Your email address is <strong>{email}</strong>. Password reset links go there.
      </p>
      <FormMessage state={state} />
      <TextField id="new-email" label="New Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} resetKey={`e${state.values?.email}`} errors={errors.email} />
      <TextField id="email-password" label="Your Password" name="password" type="password" autoComplete="current-password" errors={errors.password} />
      <SubmitButton>Change Email</SubmitButton>
    </form>
  );
}
