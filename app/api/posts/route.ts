import { createPost, getPost } from '@/db/queries/posts';
import { endpoints } from '@/app/lib/api/endpoints';
import { postsHandler } from '@/app/lib/api/collections';
import { apiHandler, apiRoute } from '@/app/lib/api/handler';
import { postJson } from '@/app/lib/api/representations';

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = apiRoute({
  GET: postsHandler(endpoints.listPosts, () => ({ kind: 'explore' })),
  POST: apiHandler(endpoints.createPost, async ({ viewer, body }) => postJson(await getPost(viewer, await createPost(viewer, { body: body.text })))),
});
