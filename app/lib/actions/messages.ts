'use server';

import { redirect } from 'next/navigation';
import { sendMessage } from '@/db/queries/messages';
import { assertViewer } from '../auth';
import { setFlash } from '../flash';
import { echoValues, fromZodError, type FormState } from '../form-state';
import { formErrorFrom } from '../form-errors';
import { pokeNotificationHub } from '../notifications/hub';
import { messageSchema } from '../validation/messages';

/** Sends a private message; back to the recipient's profile with "Your message has been sent.". */
export async function sendMessageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = echoValues(formData, ['message']);
  const parsed = messageSchema.safeParse({ recipient: formData.get('recipient') ?? '', message: formData.get('message') ?? '' });
  if (!parsed.success) return fromZodError(parsed.error, values, ['recipient']);
  let username: string;
  try {
    const viewer = await assertViewer();
    ({ username } = await sendMessage(viewer, { recipient: parsed.data.recipient, body: parsed.data.message }));
    // This instance's open streams hear it at once; other instances within one poll of their hub.
    pokeNotificationHub();
  } catch (error) {
    return formErrorFrom(error, values);
  }
  await setFlash('Your message has been sent.');
  redirect(`/user/${encodeURIComponent(username)}`);
}
