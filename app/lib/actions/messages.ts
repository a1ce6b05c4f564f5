'use server';

import { redirect } from 'next/navigation';
import { sendMessage } from '@/db/queries/messages';
import { setFlash } from '../flash';
import { pokeNotificationHub } from '../notifications/hub';
import { messageSchema } from '../validation/messages';
import { formActionWithViewer } from './form-action';

/** Sends a private message; back to the recipient's profile with "Your message has been sent.". */
export const sendMessageAction = formActionWithViewer(
  { schema: messageSchema, fields: ['recipient', 'message'], echo: ['message'], hidden: ['recipient'] },
  async ({ recipient, message }, viewer) => {
    const { username } = await sendMessage(viewer, { recipient, body: message });
    // This instance's open streams hear it at once; other instances within one poll of their hub.
    pokeNotificationHub();
    await setFlash('Your message has been sent.');
    redirect(`/user/${encodeURIComponent(username)}`);
  },
);
