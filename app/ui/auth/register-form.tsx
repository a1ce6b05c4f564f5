'use client';

import { useActionState } from 'react';
import { registerAction } from '@/app/lib/actions/auth';
import { initialFormState } from '@/app/lib/form-state';
import { FormMessage } from '../shared/form-message';
import { SubmitButton } from '../shared/submit-button';
import { TextField } from '../shared/text-field';

const FIELDS = [
  { name: 'username', label: 'Username', type: 'text', autoComplete: 'username', hint: '3 to 64 letters, digits, "_", "." or "-", starting with a letter.' },
  { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
  { name: 'password', label: 'Password', type: 'password', autoComplete: 'new-password', hint: '8 to 72 characters.' },
  { name: 'password2', label: 'Repeat Password', type: 'password', autoComplete: 'new-password' },
] as const;

export function RegisterForm() {
  const [state, formAction] = useActionState(registerAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="card form" noValidate>
      <FormMessage state={state} />
      {FIELDS.map((field) => (
        <div key={field.name} className="field">
          <TextField
            id={field.name}
            label={field.label}
            name={field.name}
            type={field.type}
            autoComplete={field.autoComplete}
            // Passwords are never echoed back; the rest keeps what the user typed.
            defaultValue={field.type === 'password' ? undefined : state.values?.[field.name]}
            resetKey={field.type === 'password' ? field.name : `${field.name}:${state.values?.[field.name] ?? ''}`}
            hint={'hint' in field ? field.hint : undefined}
            errors={errors[field.name]}
          />
        </div>
      ))}
      <SubmitButton>Register</SubmitButton>
    </form>
  );
}
