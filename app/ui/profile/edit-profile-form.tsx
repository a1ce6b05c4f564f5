'use client';

import { useActionState, useState } from 'react';
import Link from 'next/link';
import { updateProfileAction } from '@/app/lib/actions/profile';
import type { FormState } from '@/app/lib/form-state';
import { ABOUT_ME_MAX } from '@/app/lib/limits';
import { textLength } from '@/app/lib/validation/text';
import { CharacterCounter } from '../shared/character-counter';
import { describedBy, FieldError } from '../shared/field-error';
import { FormMessage } from '../shared/form-message';
import { SubmitButton } from '../shared/submit-button';
import { TextField } from '../shared/text-field';
import { AvatarField } from './avatar-field';

export function EditProfileForm({
  username,
  aboutMe,
  email,
  avatarSrc,
  hasPicture,
}: {
  username: string;
  aboutMe: string;
  email: string;
  /** The current avatar's URL at 64 px. */
  avatarSrc: string;
  hasPicture: boolean;
}) {
  const initial: FormState = { status: 'idle', values: { username, aboutMe } };
  const [state, formAction] = useActionState(updateProfileAction, initial);
  const [about, setAbout] = useState(aboutMe);
  const [fileProblem, setFileProblem] = useState(false);
  const errors = state.fieldErrors ?? {};
  const length = textLength(about);
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
      <AvatarField src={avatarSrc} hasPicture={hasPicture} errors={errors.avatar} onProblem={setFileProblem} />
      <div className="form-row">
        <CharacterCounter length={length} max={ABOUT_ME_MAX} />
        <SubmitButton disabled={length > ABOUT_ME_MAX || fileProblem}>Submit</SubmitButton>
      </div>
    </form>
  );
}
