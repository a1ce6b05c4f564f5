'use server';

import { revalidatePath } from 'next/cache';
import { updateProfile } from '@/db/queries/profiles';
import { assertViewer } from '../auth';
import { setFlash } from '../flash';
import { echoValues, fromZodError, type FormState } from '../form-state';
import { formErrorFrom } from '../form-errors';
import { profileSchema } from '../validation/profile';

export async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData, ['username', 'aboutMe']);
  const parsed = profileSchema.safeParse({ username: formData.get('username') ?? '', aboutMe: formData.get('aboutMe') ?? '' });
  if (!parsed.success) return fromZodError(parsed.error, values);
  try {
    await updateProfile(await assertViewer(), parsed.data);
  } catch (error) {
    return formErrorFrom(error, values);
  }
  await setFlash('Your changes have been saved.');
  revalidatePath('/', 'layout');
  return { status: 'success', values: { username: parsed.data.username, aboutMe: parsed.data.aboutMe } };
}
