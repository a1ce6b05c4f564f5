import type { Metadata } from 'next';
import { listMessages, markMessagesRead } from '@/db/queries/messages';
import { requireViewer } from '@/app/lib/auth';
import { pageCursors, type SearchParams } from '@/app/lib/page-params';
import { MessageItem } from '@/app/ui/messages/message-item';
import { Pagination } from '@/app/ui/shared/pagination';

export const metadata: Metadata = { title: 'Messages' };

export default async function MessagesPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer('/messages');
  const page = await listMessages(viewer, pageCursors(await searchParams));
  // Opening the inbox reads what it shows: everything up to the newest message on its first page.
  const newest = page.newerCursor ? null : page.messages[0];
  if (newest?.unread) await markMessagesRead(viewer, new Date(newest.timestamp));
  return (
    <>
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
