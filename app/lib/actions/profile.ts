'use server';

import { revalidatePath } from 'next/cache';
import { normaliseAvatar, type NormalisedAvatar } from '@/db/avatar-image';
import { ValidationError } from '@/db/errors';
import { updateProfile } from '@/db/queries/profiles';
import { assertViewer } from '../auth';
import { setFlash } from '../flash';
import { echoValues, fromZodError, type FormState } from '../form-state';
import { formErrorFrom } from '../form-errors';
import { avatarChoice } from '../validation/avatar';
import { profileSchema } from '../validation/profile';

/**
 * Edit Profile: username, about me and the picture (a new file in `avatar`, or `removeAvatar=on`).
 * Every problem, the picture's included, comes back at once, with the text fields echoed.
 */
export async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData, ['username', 'aboutMe']);
  const parsed = profileSchema.safeParse({ username: formData.get('username') ?? '', aboutMe: formData.get('aboutMe') ?? '' });
  const choice = avatarChoice(formData);
  let avatar: NormalisedAvatar | null | undefined = choice.kind === 'remove' ? null : undefined;
  let avatarError: string | undefined;
  if (choice.kind === 'upload') {
    try {
      avatar = await normaliseAvatar(new Uint8Array(await choice.file.arrayBuffer()));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      avatarError = error.message;
    }
  }
  if (!parsed.success || avatarError) {
    const state: FormState = parsed.success ? { status: 'error', message: 'Please correct the errors below.', values } : fromZodError(parsed.error, values);
    return avatarError ? { ...state, fieldErrors: { ...state.fieldErrors, avatar: [avatarError] } } : state;
  }
  try {
    await updateProfile(await assertViewer(), { ...parsed.data, avatar });
  } catch (error) {
    return formErrorFrom(error, values);
  }
  await setFlash('Your changes have been saved.');
  revalidatePath('/', 'layout');
  return { status: 'success', values: { username: parsed.data.username, aboutMe: parsed.data.aboutMe } };
}
