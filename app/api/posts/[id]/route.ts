import { deletePost, getPost, updatePost } from '@/db/queries/posts';
import { endpoints } from '@/app/lib/api/endpoints';
import { apiHandler, apiRoute } from '@/app/lib/api/handler';
import { idParam } from '@/app/lib/api/params';
import { postJson } from '@/app/lib/api/representations';

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = apiRoute({
  GET: apiHandler(endpoints.getPost, async ({ viewer, params }) => postJson(await getPost(viewer, idParam(params.id)))),
  PUT: apiHandler(endpoints.editPost, async ({ viewer, params, body }) => postJson(await updatePost(viewer, idParam(params.id), { body: body.text }))),
  DELETE: apiHandler(endpoints.deletePost, async ({ viewer, params }) => {
    await deletePost(viewer, idParam(params.id));
  }),
});
