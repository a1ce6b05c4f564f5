'use client';

import { useActionState } from 'react';
import { loginAction } from '@/app/lib/actions/auth';
import { initialFormState } from '@/app/lib/form-state';
import { describedBy, FieldError } from '../shared/field-error';
import { FormMessage } from '../shared/form-message';
import { SubmitButton } from '../shared/submit-button';

export function LoginForm({ next }: { next?: string }) {
  const [state, formAction] = useActionState(loginAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="card form" noValidate>
      <FormMessage state={state} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <label htmlFor="username">Username</label>
      <input id="username" name="username" autoComplete="username" maxLength={1000} defaultValue={state.values?.username} key={`u${state.values?.username}`} {...describedBy('username-error', errors.username)} />
      <FieldError id="username-error" errors={errors.username} />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" maxLength={1000} {...describedBy('password-error', errors.password)} />
      <FieldError id="password-error" errors={errors.password} />
      <label className="checkbox">
        <input type="checkbox" name="remember" /> Remember Me
      </label>
      <SubmitButton>Sign In</SubmitButton>
    </form>
  );
}
