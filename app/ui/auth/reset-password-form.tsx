'use client';

import { useActionState } from 'react';
import { resetPasswordAction } from '@/app/lib/actions/password-reset';
import { initialFormState } from '@/app/lib/form-state';
import { describedBy, FieldError } from '../shared/field-error';
import { FormMessage } from '../shared/form-message';
import { SubmitButton } from '../shared/submit-button';

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction] = useActionState(resetPasswordAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="card form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="new-password" maxLength={1000} {...describedBy('password-error', errors.password)} />
      <p className="hint">8 to 72 characters.</p>
      <FieldError id="password-error" errors={errors.password} />
      <label htmlFor="password2">Repeat Password</label>
      <input id="password2" name="password2" type="password" autoComplete="new-password" maxLength={1000} {...describedBy('password2-error', errors.password2)} />
      <FieldError id="password2-error" errors={errors.password2} />
      <SubmitButton>Reset Password</SubmitButton>
    </form>
  );
}
