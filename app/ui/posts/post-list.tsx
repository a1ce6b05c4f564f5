import type { PostPage } from '@/db/queries/posts';
import { Pagination } from '../shared/pagination';
import { PostItem } from './post-item';

/** A page of posts with its pagination; `empty` may hold links; `viewerUsername` shows the actions (Reply, Like, Edit...). */
export function PostList({ page, basePath, empty, viewerUsername }: { page: PostPage; basePath: string; empty: React.ReactNode; viewerUsername?: string }) {
  return (
    <section aria-label="Posts">
      {page.posts.length === 0 ? <p className="empty">{empty}</p> : page.posts.map((post) => <PostItem key={post.id} post={post} viewerUsername={viewerUsername} />)}
      <Pagination basePath={basePath} newer={page.newerCursor} older={page.olderCursor} />
    </section>
  );
}
