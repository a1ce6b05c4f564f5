'use client';

import { useActionState } from 'react';
import { changeEmailAction } from '@/app/lib/actions/settings';
import { initialFormState } from '@/app/lib/form-state';
import { describedBy, FieldError } from '../shared/field-error';
import { FormMessage } from '../shared/form-message';
import { SubmitButton } from '../shared/submit-button';

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
      <label htmlFor="new-email">New Email</label>
      <input id="new-email" name="email" type="email" autoComplete="email" maxLength={1000} defaultValue={state.values?.email} key={`e${state.values?.email}`} {...describedBy('new-email-error', errors.email)} />
      <FieldError id="new-email-error" errors={errors.email} />
      <label htmlFor="email-password">Your Password</label>
      <input id="email-password" name="password" type="password" autoComplete="current-password" maxLength={1000} {...describedBy('email-password-error', errors.password)} />
      <FieldError id="email-password-error" errors={errors.password} />
      <SubmitButton>Change Email</SubmitButton>
    </form>
  );
}
