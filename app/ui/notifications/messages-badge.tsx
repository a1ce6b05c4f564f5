import { Bell, Mail } from 'lucide-react';
import { CountLink } from './count-link';

/** "Messages" in the navigation with the live unread message count. */
export function MessagesBadge({ userId, initialCount }: { userId: number; initialCount: number }) {
  return (
    <CountLink
      userId={userId}
      href="/messages"
      label="Messages"
      icon={<Mail className="nav-icon" aria-hidden="true" />}
      name="unread_message_count"
      initialCount={initialCount}
      unit={['unread message', 'unread messages']}
    />
  );
}

/** "Notifications" in the navigation with the live count of unread replies, mentions, likes and follows. */
export function NotificationsBadge({ userId, initialCount }: { userId: number; initialCount: number }) {
  return (
    <CountLink
      userId={userId}
      href="/activity"
      label="Notifications"
      shortLabel="Alerts"
      icon={<Bell className="nav-icon" aria-hidden="true" />}
      name="unread_activity_count"
      initialCount={initialCount}
      unit={['new notification', 'new notifications']}
    />
  );
}
