import 'server-only';
import type { z } from 'zod';
import { ValidationError } from '@/db/errors';
import { changeEmail, changePassword } from '@/db/queries/account';
import { keepTokenPair, type ApiViewer } from '@/db/queries/api-tokens';
import { updateProfile } from '@/db/queries/profiles';
import { getUser, type UserDTO } from '@/db/queries/user-directory';
import { assertAvailable } from '@/db/queries/users';
import { ApiError, validationError } from './errors';
import type { updateMeBody } from './schemas';

const INCORRECT = { old_password: ['Password is incorrect'] };

/**
 * PUT /api/me with the web's rules: a new password needs `old_password` (a plain 400 without it, as
 * the contract says); so does a new e-mail address, which can reset the password (the web's rule; the
 * contract's original did not ask). Taken names are checked before anything is written. A password
 * change ends the user's other sessions and tokens; the pair that made it stays valid.
 */
export async function updateMe(viewer: ApiViewer, body: z.output<typeof updateMeBody>): Promise<UserDTO> {
  if (body.password !== undefined && body.old_password === undefined) throw new ApiError(400, 'Changing the password needs old_password.');
  const current = await getUser(viewer, { id: viewer.id });
  const newEmail = body.email !== undefined && body.email !== current.email ? body.email : undefined;
  if (newEmail !== undefined && body.old_password === undefined) {
    throw validationError('json', { old_password: ['Your current password is required to change your email.'] });
  }
  await assertAvailable({ username: body.username, email: newEmail }, viewer.id);
  try {
    if (newEmail !== undefined) await changeEmail(viewer, { email: newEmail, password: body.old_password! });
    if (body.password !== undefined) {
      const { sessionVersion } = await changePassword(viewer, { currentPassword: body.old_password!, newPassword: body.password });
      await keepTokenPair(viewer, sessionVersion);
    }
  } catch (error) {
    if (error instanceof ValidationError) throw validationError('json', INCORRECT);
    throw error;
  }
  if (body.username !== undefined || body.about_me !== undefined) {
    await updateProfile(viewer, {
      username: body.username ?? current.username,
      aboutMe: body.about_me === undefined ? (current.aboutMe ?? '') : (body.about_me ?? ''),
    });
  }
  return getUser(viewer, { id: viewer.id });
}
