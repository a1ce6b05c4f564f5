import { endpoints } from '@/app/lib/api/endpoints';
import { postsHandler } from '@/app/lib/api/collections';
import { apiRoute } from '@/app/lib/api/handler';
import { idParam } from '@/app/lib/api/params';

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = apiRoute({
  GET: postsHandler(endpoints.userPosts, (_viewer, params) => ({ kind: 'user', userId: idParam(params.id) })),
});
