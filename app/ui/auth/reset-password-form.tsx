'use client';

import { useActionState } from 'react';
import { resetPasswordAction } from '@/app/lib/actions/password-reset';
import { initialFormState } from '@/app/lib/form-state';
import { FormMessage } from '../shared/form-message';
import { SubmitButton } from '../shared/submit-button';
import { TextField } from '../shared/text-field';

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction] = useActionState(resetPasswordAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="card form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField id="password" label="Password" name="password" type="password" autoComplete="new-password" hint="8 to 72 characters." errors={errors.password} />
      <TextField id="password2" label="Repeat Password" name="password2" type="password" autoComplete="new-password" errors={errors.password2} />
      <SubmitButton>Reset Password</SubmitButton>
    </form>
  );
}
