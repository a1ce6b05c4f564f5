'use client';

import { useActionState } from 'react';
import { changePasswordAction } from '@/app/lib/actions/settings';
import { initialFormState } from '@/app/lib/form-state';
import { describedBy, FieldError } from '../shared/field-error';
import { FormMessage } from '../shared/form-message';
import { SubmitButton } from '../shared/submit-button';

const FIELDS = [
  { name: 'currentPassword', label: 'Current Password', autoComplete: 'current-password' },
  { name: 'newPassword', label: 'New Password', autoComplete: 'new-password', hint: '8 to 72 characters.' },
  { name: 'newPassword2', label: 'Repeat New Password', autoComplete: 'new-password' },
] as const;

export function ChangePasswordForm() {
  const [state, formAction] = useActionState(changePasswordAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="card form" aria-labelledby="change-password-heading" noValidate>
      <h2 id="change-password-heading">Change password</h2>
      <p className="hint">Your other sessions end; this browser stays signed in.</p>
      <FormMessage state={state} />
      {FIELDS.map((field) => (
        <div key={field.name} className="field">
          <label htmlFor={field.name}>{field.label}</label>
          <input id={field.name} name={field.name} type="password" autoComplete={field.autoComplete} maxLength={1000} {...describedBy(`${field.name}-error`, errors[field.name])} />
          {'hint' in field ? <p className="hint">{field.hint}</p> : null}
          <FieldError id={`${field.name}-error`} errors={errors[field.name]} />
        </div>
      ))}
      <SubmitButton>Change Password</SubmitButton>
    </form>
  );
}
