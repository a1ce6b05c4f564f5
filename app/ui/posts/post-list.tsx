import type { PostPage } from '@/db/queries/posts';
import { Pagination } from '../shared/pagination';
import { PostItem } from './post-item';

/** `empty`: what to say when there are no posts (may hold links). */
export function PostList({ page, basePath, empty }: { page: PostPage; basePath: string; empty: React.ReactNode }) {
  return (
    <section aria-label="Posts">
      {page.posts.length === 0 ? <p className="empty">{empty}</p> : page.posts.map((post) => <PostItem key={post.id} post={post} />)}
      <Pagination basePath={basePath} newer={page.newerCursor} older={page.olderCursor} />
    </section>
  );
}
