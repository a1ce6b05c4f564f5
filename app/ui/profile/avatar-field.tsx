'use client';

import { useState } from 'react';
import { AVATAR_ACCEPT, AVATAR_MAX_TEXT, AVATAR_TYPES_TEXT, avatarSizeProblem } from '@/db/avatar-rules';
import { describedBy, FieldError } from '../shared/field-error';

/**
 * Edit Profile's picture: the current one, a file input (`avatar`) and, when there is an upload,
 * "Remove picture" (`removeAvatar`). A chosen file that is empty or too large is refused here at once
 * (`onProblem` lets the form hold its submit button), so it is never sent; the server checks the
 * content. The browser clears file inputs after each submit, so after an error the file is chosen again.
 */
export function AvatarField({
  src,
  hasPicture,
  errors,
  onProblem,
}: {
  /** The current avatar's URL at 64 px. */
  src: string;
  hasPicture: boolean;
  errors?: string[];
  onProblem: (problem: boolean) => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  // The server's message about the previous file goes once another file (or none) is chosen; the next
  // answer brings a new array.
  const [dismissed, setDismissed] = useState<string[] | undefined>(undefined);
  const shown = problem ? [problem] : errors !== dismissed ? errors : undefined;
  return (
    <>
      <label htmlFor="avatar">Picture</label>
      <div className="avatar-field">
        {/* eslint-disable-next-line @next/next/no-img-element -- an avatar URL already at its size */}
        <img className="avatar" src={src} width={64} height={64} alt="Your current picture" />
        <div className="avatar-field-inputs">
          <input
            id="avatar"
            name="avatar"
            type="file"
            accept={AVATAR_ACCEPT}
            onChange={(e) => {
              const file = e.target.files?.[0];
              const next = file ? avatarSizeProblem(file.size) : null;
              setProblem(next);
              setDismissed(errors);
              onProblem(next !== null);
            }}
            {...describedBy('avatar-error', shown)}
            aria-describedby={shown?.length ? 'avatar-error avatar-hint' : 'avatar-hint'}
          />
          <p id="avatar-hint" className="hint">
            {AVATAR_TYPES_TEXT}, up to {AVATAR_MAX_TEXT}. It is cropped to a square.
          </p>
          {hasPicture ? (
            <label className="checkbox">
              <input type="checkbox" name="removeAvatar" /> Remove picture
            </label>
          ) : null}
        </div>
      </div>
      <FieldError id="avatar-error" errors={shown} />
    </>
  );
}
