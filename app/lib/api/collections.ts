import 'server-only';
import { listPostsPage, type PostScope } from '@/db/queries/posts';
import { listFollowPage } from '@/db/queries/user-directory';
import type { ApiViewer } from '@/db/queries/api-tokens';
import { endpoints } from './endpoints';
import { apiHandler } from './handler';
import { pageRequest } from './pagination';
import { idParam } from './params';
import { pageJson, postJson, userJson } from './representations';

/** The route handlers of the paginated posts and follow lists, which differ only in their scope. */
type PostsEndpoint = typeof endpoints.listPosts | typeof endpoints.userPosts | typeof endpoints.feed;
type FollowEndpoint = typeof endpoints.myFollowers | typeof endpoints.myFollowing | typeof endpoints.userFollowers | typeof endpoints.userFollowing;

export function postsHandler(endpoint: PostsEndpoint, scopeOf: (viewer: ApiViewer, params: Record<string, string>) => PostScope) {
  return apiHandler(endpoint, async ({ viewer, query, params }) => {
    const page = pageRequest(query);
    return pageJson(await listPostsPage(viewer, { ...page, scope: scopeOf(viewer, params) }), page.limit, postJson);
  });
}

/** `params.id` names the user; without it, the viewer's own list. */
export function followListHandler(endpoint: FollowEndpoint, direction: 'followers' | 'following') {
  return apiHandler(endpoint, async ({ viewer, query, params }) => {
    const page = pageRequest(query);
    const userId = params.id === undefined ? viewer.id : idParam(params.id);
    return pageJson(await listFollowPage(viewer, { ...page, userId, direction }), page.limit, userJson);
  });
}
