import type { Metadata } from 'next';
import { listActivity, markActivityRead } from '@/db/queries/activity';
import { requireViewer } from '@/app/lib/auth';
import { pokeNotificationHub } from '@/app/lib/notifications/hub';
import { pageCursors, type SearchParams } from '@/app/lib/page-params';
import { ActivityItem } from '@/app/ui/activity/activity-item';
import { UnreadCountReset } from '@/app/ui/notifications/unread-count-reset';
import { Pagination } from '@/app/ui/shared/pagination';

export const metadata: Metadata = { title: 'Notifications' };

/**
 * Replies, mentions, likes and new followers, newest first and grouped. Opening it reads what it
 * shows (up to the newest item on the first page), like the inbox. At /activity because
 * /notifications is the reference's JSON endpoint, which clients keep using.
 */
export default async function ActivityPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer('/activity');
  const { before } = pageCursors(await searchParams);
  const page = await listActivity(viewer, { before });
  const announced = !before && page.newestShown && page.groups.some((g) => g.unread) ? await markActivityRead(viewer, page.newestShown) : null;
  if (announced) pokeNotificationHub();
  return (
    <>
      {announced ? <UnreadCountReset name="unread_activity_count" count={announced.count} stamp={announced.stampMs} /> : null}
      <h1>Notifications</h1>
      <section aria-label="Notifications">
        {page.groups.length === 0 ? (
          <p className="empty">Nothing yet. Replies, mentions, likes and new followers will show here.</p>
        ) : (
          <ul className="activity-list">
            {page.groups.map((group) => (
              <ActivityItem key={group.key} group={group} />
            ))}
          </ul>
        )}
        <Pagination basePath="/activity" newer={null} older={page.olderCursor} noun="notifications" />
      </section>
    </>
  );
}
