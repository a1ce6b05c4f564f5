'use client';

import { useActionState } from 'react';
import { requestPasswordResetAction } from '@/app/lib/actions/password-reset';
import { initialFormState } from '@/app/lib/form-state';
import { FormMessage } from '../shared/form-message';
import { SubmitButton } from '../shared/submit-button';
import { TextField } from '../shared/text-field';

export function ResetRequestForm() {
  const [state, formAction] = useActionState(requestPasswordResetAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="card form" noValidate>
      <FormMessage state={state} />
      <TextField id="email" label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} resetKey={`e${state.values?.email}`} errors={errors.email} />
      <SubmitButton>Request Password Reset</SubmitButton>
    </form>
  );
}
