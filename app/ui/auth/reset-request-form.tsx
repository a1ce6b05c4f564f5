'use client';

import { useActionState } from 'react';
import { requestPasswordResetAction } from '@/app/lib/actions/password-reset';
import { initialFormState } from '@/app/lib/form-state';
import { describedBy, FieldError } from '../shared/field-error';
import { FormMessage } from '../shared/form-message';
import { SubmitButton } from '../shared/submit-button';

export function ResetRequestForm() {
  const [state, formAction] = useActionState(requestPasswordResetAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="card form" noValidate>
      <FormMessage state={state} />
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="email" maxLength={1000} defaultValue={state.values?.email} key={`e${state.values?.email}`} {...describedBy('email-error', errors.email)} />
      <FieldError id="email-error" errors={errors.email} />
      <SubmitButton>Request Password Reset</SubmitButton>
    </form>
  );
}
