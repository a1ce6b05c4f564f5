'use server';

// refresh(), not revalidatePath('/', 'layout'): every page that shows data is dynamic, and invalidating the
// layout would also regenerate the prerendered login pages, whose CSP lists the build's script hashes.
import { refresh } from 'next/cache';
import { normaliseAvatar, type NormalisedAvatar } from '@/db/avatar-image';
import { ValidationError } from '@/db/errors';
import { updateProfile } from '@/db/queries/profiles';
import { setFlash } from '../flash';
import { avatarChoice } from '../validation/avatar';
import { profileSchema } from '../validation/profile';
import { formActionWithViewer } from './form-action';

/**
 * Edit Profile: username, about me and the picture (a new file in `avatar`, or `removeAvatar=on`).
 * A picture that cannot be read comes back as that field's error, with the text fields echoed.
 */
export const updateProfileAction = formActionWithViewer(
  { schema: profileSchema, fields: ['username', 'aboutMe'], echo: ['username', 'aboutMe'] },
  async (input, viewer, { formData, values }) => {
    const choice = avatarChoice(formData);
    let avatar: NormalisedAvatar | null | undefined = choice.kind === 'remove' ? null : undefined;
    if (choice.kind === 'upload') {
      try {
        avatar = await normaliseAvatar(new Uint8Array(await choice.file.arrayBuffer()));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return { status: 'error', message: 'Please correct the errors below.', fieldErrors: { avatar: [error.message] }, values };
      }
    }
    await updateProfile(viewer, { ...input, avatar });
    await setFlash('Your changes have been saved.');
    refresh();
    return { status: 'success', values: { username: input.username, aboutMe: input.aboutMe } };
  },
);
