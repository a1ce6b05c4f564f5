import { likePost, unlikePost } from '@/db/queries/likes';
import { endpoints } from '@/app/lib/api/endpoints';
import { apiHandler, apiRoute } from '@/app/lib/api/handler';
import { idParam } from '@/app/lib/api/params';
import { likeStateJson } from '@/app/lib/api/representations';

// The web's Like button's rules (db/queries/likes.ts): idempotent both ways, the author notified once.
export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = apiRoute({
  POST: apiHandler(endpoints.likePost, async ({ viewer, params }) => likeStateJson(await likePost(viewer, idParam(params.id)))),
  DELETE: apiHandler(endpoints.unlikePost, async ({ viewer, params }) => likeStateJson(await unlikePost(viewer, idParam(params.id)))),
});
