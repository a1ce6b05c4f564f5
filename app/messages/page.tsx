import type { Metadata } from 'next';
import { listMessages, markMessagesRead } from '@/db/queries/messages';
import { requireViewer } from '@/app/lib/auth';
import { pokeNotificationHub } from '@/app/lib/notifications/hub';
import { pageCursors, type SearchParams } from '@/app/lib/page-params';
import { MessageItem } from '@/app/ui/messages/message-item';
import { UnreadCountReset } from '@/app/ui/notifications/unread-count-reset';
import { Pagination } from '@/app/ui/shared/pagination';

export const metadata: Metadata = { title: 'Messages' };

export default async function MessagesPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer('/messages');
  const page = await listMessages(viewer, pageCursors(await searchParams));
  // Opening the inbox reads what it shows: everything up to the newest message on its first page.
  const newest = page.newerCursor ? null : page.messages[0];
  const announced = newest?.unread ? await markMessagesRead(viewer, new Date(newest.timestamp)) : null;
  if (announced) pokeNotificationHub();
  return (
    <>
      {announced ? <UnreadCountReset count={announced.count} stamp={announced.stampMs} /> : null}
      <h1>Messages</h1>
      <section aria-label="Messages">
        {page.messages.length === 0 ? (
          <p className="empty">No messages yet. Open someone&apos;s profile to send them one.</p>
        ) : (
          page.messages.map((message) => <MessageItem key={message.id} message={message} />)
        )}
        <Pagination basePath="/messages" newer={page.newerCursor} older={page.olderCursor} noun="messages" />
      </section>
    </>
  );
}
