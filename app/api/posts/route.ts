import { NotFoundError } from '@/db/errors';
import { createPost, getPost } from '@/db/queries/posts';
import { endpoints } from '@/app/lib/api/endpoints';
import { postsHandler } from '@/app/lib/api/collections';
import { validationError } from '@/app/lib/api/errors';
import { apiHandler, apiRoute } from '@/app/lib/api/handler';
import { postJson } from '@/app/lib/api/representations';

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = apiRoute({
  GET: postsHandler(endpoints.listPosts, () => ({ kind: 'explore' })),
  POST: apiHandler(endpoints.createPost, async ({ viewer, body }) => {
    const id = await createPost(viewer, { body: body.text, inReplyToId: body.in_reply_to ?? null }).catch((error: unknown) => {
      // The only post createPost looks up is the parent: a missing one is a fault of that field, as
      // the web form shows it, not a missing resource at this URL.
      if (error instanceof NotFoundError) throw validationError('json', { in_reply_to: [error.message] });
      throw error;
    });
    return postJson(await getPost(viewer, id));
  }),
});
