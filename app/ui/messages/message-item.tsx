import Link from 'next/link';
import type { MessageDTO } from '@/db/queries/messages';
import { UserPopoverLink } from '../popover/user-popover-link';
import { Avatar } from '../shared/avatar';
import { RelativeTime } from '../shared/relative-time';

/** One received message: who sent it and when, the text, and a way to answer. */
export function MessageItem({ message }: { message: MessageDTO }) {
  const { username } = message.sender;
  return (
    <article className={message.unread ? 'post message-unread' : 'post'}>
      <Link href={`/user/${username}`} prefetch={false} tabIndex={-1} aria-hidden="true">
        <Avatar avatar={message.sender.avatar} size={70} />
      </Link>
      <div className="post-main">
        <p className="post-meta">
          <UserPopoverLink username={username} className="username" />{' '}
          said <RelativeTime iso={message.timestamp} />
          {message.unread ? <span className="tag">New</span> : null}
        </p>
        <p className="post-body">{message.body}</p>
        <p className="post-actions">
          <Link href={`/send-message/${encodeURIComponent(username)}`} prefetch={false} aria-label={`Reply to ${username}`}>
            Reply
          </Link>
        </p>
      </div>
    </article>
  );
}
