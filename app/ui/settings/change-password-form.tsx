'use client';

import { useActionState } from 'react';
import { changePasswordAction } from '@/app/lib/actions/settings';
import { initialFormState } from '@/app/lib/form-state';
import { FormMessage } from '../shared/form-message';
import { SubmitButton } from '../shared/submit-button';
import { TextField } from '../shared/text-field';

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
          <TextField id={field.name} label={field.label} name={field.name} type="password" autoComplete={field.autoComplete} hint={'hint' in field ? field.hint : undefined} errors={errors[field.name]} />
        </div>
      ))}
      <SubmitButton>Change Password</SubmitButton>
    </form>
  );
}
