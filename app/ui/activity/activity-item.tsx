import Link from 'next/link';
import type { ActivityGroupDTO } from '@/db/queries/activity';
import { UserPopoverLink } from '../popover/user-popover-link';
import { Avatar } from '../shared/avatar';
import { RelativeTime } from '../shared/relative-time';

const VERBS: Record<ActivityGroupDTO['kind'], string> = {
  reply: 'replied to your post',
  mention: 'mentioned you',
  like: 'liked your post',
  follow: 'followed you',
};

/** "ann, bob and 3 others liked your post": the named actors as links, then the rest as a number. */
function Actors({ group }: { group: ActivityGroupDTO }) {
  const others = group.actorCount - group.actors.length;
  const names = group.actors.map((actor, i) => (
    <span key={actor.username}>
      {i > 0 ? (i === group.actors.length - 1 && others === 0 ? ' and ' : ', ') : null}
      <UserPopoverLink username={actor.username} className="username" />
    </span>
  ));
  return (
    <>
      {names}
      {others > 0 ? ` and ${others} ${others === 1 ? 'other' : 'others'}` : null}
    </>
  );
}

const excerpt = (body: string) => ([...body].length > 140 ? `${[...body].slice(0, 140).join('')}…` : body);

/** One (grouped) notification: who, what, when, and the post it is about. */
export function ActivityItem({ group }: { group: ActivityGroupDTO }) {
  return (
    <li className={group.unread ? 'activity-item unread' : 'activity-item'}>
      {group.actors[0] ? <Avatar avatar={group.actors[0].avatar} size={36} /> : null}
      <div>
        <p>
          {group.unread ? <span className="tag-new">New</span> : null} <Actors group={group} /> {VERBS[group.kind]}{' '}
          <span className="muted">
            <RelativeTime iso={group.timestamp} />
          </span>
        </p>
        {group.post ? (
          <p className="activity-post">
            <Link href={`/post/${group.post.id}`} prefetch={false}>
              {excerpt(group.post.body)}
            </Link>
          </p>
        ) : null}
      </div>
    </li>
  );
}
