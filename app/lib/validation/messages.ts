import { z } from 'zod';
import { MESSAGE_MAX } from '../limits';
import { textField } from './text-field';

const NO_RECIPIENT = 'Please choose whom to write to.';

export const messageSchema = z.object({
  recipient: z.string({ error: NO_RECIPIENT }).trim().min(1, NO_RECIPIENT).max(200, NO_RECIPIENT),
  message: textField('Your message', 1, MESSAGE_MAX),
});
