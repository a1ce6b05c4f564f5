'use client';

import { Suspense, useActionState } from 'react';
import { loginAction } from '@/app/lib/actions/auth';
import { initialFormState } from '@/app/lib/form-state';
import { FormMessage } from '../shared/form-message';
import { SubmitButton } from '../shared/submit-button';
import { TextField } from '../shared/text-field';
import { NextPathField } from './login-next';

export function LoginForm() {
  const [state, formAction] = useActionState(loginAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="card form" noValidate>
      <FormMessage state={state} />
      <Suspense fallback={null}>
        <NextPathField />
      </Suspense>
      <TextField id="username" label="Username" name="username" autoComplete="username" defaultValue={state.values?.username} resetKey={`u${state.values?.username}`} errors={errors.username} />
      <TextField id="password" label="Password" name="password" type="password" autoComplete="current-password" errors={errors.password} />
      <label className="checkbox">
        <input type="checkbox" name="remember" /> Remember Me
      </label>
      <SubmitButton>Sign In</SubmitButton>
    </form>
  );
}
