import type { Metadata } from 'next';
import Link from 'next/link';
import { ValidationError } from '@/db/errors';
import { messageRecipient } from '@/db/queries/messages';
import { sendMessageAction } from '@/app/lib/actions/messages';
import { requireViewer } from '@/app/lib/auth';
import { MESSAGE_MAX } from '@/app/lib/limits';
import { loadOr404 } from '@/app/lib/load-or-404';
import { decodeSegment } from '@/app/lib/page-params';
import { ComposeForm } from '@/app/ui/shared/compose-form';

export const metadata: Metadata = { title: 'Send Message' };

type Params = Promise<{ username: string }>;

export default async function SendMessagePage({ params }: { params: Params }) {
  const username = decodeSegment((await params).username);
  const viewer = await requireViewer(`/send-message/${encodeURIComponent(username)}`);
  const recipient = await loadOr404(async () => {
    try {
      return await messageRecipient(viewer, username);
    } catch (error) {
      if (error instanceof ValidationError) return null; // oneself
      throw error;
    }
  });
  if (!recipient) {
    return (
      <>
        <h1>Send Message</h1>
        <p className="alert">
          You cannot send a message to yourself. <Link href="/messages">Read your messages</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Send Message to {recipient.username}</h1>
      <ComposeForm action={sendMessageAction} name="message" label="Message" max={MESSAGE_MAX} hidden={{ recipient: recipient.username }} autoFocus />
    </>
  );
}
