import { z } from 'zod';
import { POST_MAX } from '../limits';
import { textField } from './text-field';

export const postSchema = z.object({
  post: textField('Your post', 1, POST_MAX),
});

/** A post id from a form field or URL segment: a positive integer, nothing else. */
export const postIdParam = z.coerce.number({ error: 'That post does not exist.' }).int().positive().max(Number.MAX_SAFE_INTEGER);

/** A new post, optionally answering another (the reply form sends `in_reply_to`). */
export const newPostSchema = postSchema.extend({
  in_reply_to: postIdParam.optional(),
});

export const editPostSchema = postSchema.extend({ post_id: postIdParam });
