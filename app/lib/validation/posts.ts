import { z } from 'zod';
import { POST_MAX } from '../limits';
import { textField } from './text-field';

export const postSchema = z.object({
  post: textField('Your post', 1, POST_MAX),
});
