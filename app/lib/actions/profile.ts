'use server';

import { revalidatePath } from 'next/cache';
import { updateProfile } from '@/db/queries/profiles';
import { setFlash } from '../flash';
import { profileSchema } from '../validation/profile';
import { formActionWithViewer } from './form-action';

export const updateProfileAction = formActionWithViewer(
  { schema: profileSchema, fields: ['username', 'aboutMe'], echo: ['username', 'aboutMe'] },
  async (input, viewer) => {
    await updateProfile(viewer, input);
    await setFlash('Your changes have been saved.');
    revalidatePath('/', 'layout');
    return { status: 'success', values: { username: input.username, aboutMe: input.aboutMe } };
  },
);
