'use client';

import { useActionState } from 'react';
import { registerAction } from '@/app/lib/actions/auth';
import { initialFormState } from '@/app/lib/form-state';
import { describedBy, FieldError } from '../shared/field-error';
import { FormMessage } from '../shared/form-message';
import { SubmitButton } from '../shared/submit-button';

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
          <label htmlFor={field.name}>{field.label}</label>
          <input
            id={field.name}
            name={field.name}
            type={field.type}
            autoComplete={field.autoComplete}
            // Far above every rule, so the rule's message still shows; it only keeps a huge paste
            // from exceeding the server's 1 MB request limit.
            maxLength={1000}
            // Passwords are never echoed back; the rest keeps what the user typed.
            defaultValue={field.type === 'password' ? undefined : state.values?.[field.name]}
            key={field.type === 'password' ? field.name : `${field.name}:${state.values?.[field.name] ?? ''}`}
            {...describedBy(`${field.name}-error`, errors[field.name])}
          />
          {'hint' in field ? <p className="hint">{field.hint}</p> : null}
          <FieldError id={`${field.name}-error`} errors={errors[field.name]} />
        </div>
      ))}
      <SubmitButton>Register</SubmitButton>
    </form>
  );
}
