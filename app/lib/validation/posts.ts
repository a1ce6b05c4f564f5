import { z } from 'zod';
import { textField } from './text';

export const POST_MAX = 280;

export const postSchema = z.object({
  post: textField('Your post', 1, POST_MAX),
});
