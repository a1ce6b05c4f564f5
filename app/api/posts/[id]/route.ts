import { deletePost, getOwnPost, updatePost } from '@/db/queries/post-writes';
import { getPost } from '@/db/queries/posts';
import { endpoints } from '@/app/lib/api/endpoints';
import { apiHandler, apiRoute } from '@/app/lib/api/handler';
import { idParam } from '@/app/lib/api/params';
import { postJson } from '@/app/lib/api/representations';

// Edit and delete are the web's own rules (db/queries/post-writes.ts): only the author, mentions and
// tags kept in sync, notifications updated.
export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = apiRoute({
  GET: apiHandler(endpoints.getPost, async ({ viewer, params }) => postJson(await getPost(viewer, idParam(params.id)))),
  PUT: apiHandler(endpoints.editPost, async ({ viewer, params, body }) => {
    const postId = idParam(params.id);
    // Without a new text nothing changes, but the answer is still only the author's: the same rule.
    if (body.text !== undefined) await updatePost(viewer, { postId, body: body.text });
    else await getOwnPost(viewer, postId);
    return postJson(await getPost(viewer, postId));
  }),
  DELETE: apiHandler(endpoints.deletePost, async ({ viewer, params }) => {
    await deletePost(viewer, { postId: idParam(params.id) });
  }),
});
