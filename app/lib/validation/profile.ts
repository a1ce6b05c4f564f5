import { z } from 'zod';
import { ABOUT_ME_MAX } from '../limits';
import { usernameSchema } from './account';
import { textField } from './text-field';

export const profileSchema = z.object({
  username: usernameSchema,
  aboutMe: textField('About me', 0, ABOUT_ME_MAX),
});

export const usernameParam = z.string().trim().min(1).max(200);
