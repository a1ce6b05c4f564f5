'use client';

import { useActionState, useState } from 'react';
import Link from 'next/link';
import { updateProfileAction } from '@/app/lib/actions/profile';
import type { FormState } from '@/app/lib/form-state';
import { ABOUT_ME_MAX, codePointLength } from '@/app/lib/limits';
import { describedBy, FieldError } from '../shared/field-error';
import { FormMessage } from '../shared/form-message';
import { SubmitButton } from '../shared/submit-button';
import { TextField } from '../shared/text-field';

export function EditProfileForm({ username, aboutMe, email }: { username: string; aboutMe: string; email: string }) {
  const initial: FormState = { status: 'idle', values: { username, aboutMe } };
  const [state, formAction] = useActionState(updateProfileAction, initial);
  const [about, setAbout] = useState(aboutMe);
  const errors = state.fieldErrors ?? {};
  const length = codePointLength(about.trim());
  return (
    <form action={formAction} className="card form" noValidate>
      {state.status === 'error' ? <FormMessage state={state} /> : null}
      <TextField
        id="email"
        label="Email"
        value={email}
        readOnly
        disabled
        hint={
          <>
            Your e-mail address is changed in <Link href="/settings">Settings</Link>.
          </>
        }
      />
      <TextField id="username" label="Username" name="username" defaultValue={state.values?.username} resetKey={state.values?.username} errors={errors.username} />
      <label htmlFor="aboutMe">About me</label>
      <textarea id="aboutMe" name="aboutMe" rows={3} value={about} onChange={(e) => setAbout(e.target.value)} {...describedBy('aboutMe-error', errors.aboutMe)} />
      <FieldError id="aboutMe-error" errors={errors.aboutMe} />
      <div className="form-row">
        <span className={length > ABOUT_ME_MAX ? 'counter counter-over' : 'counter'} aria-live="polite">
          {length > ABOUT_ME_MAX ? `${length - ABOUT_ME_MAX} characters too many` : `${ABOUT_ME_MAX - length} characters left`}
        </span>
        <SubmitButton disabled={length > ABOUT_ME_MAX}>Submit</SubmitButton>
      </div>
    </form>
  );
}
