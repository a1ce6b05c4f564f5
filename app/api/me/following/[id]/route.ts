import { ConflictError, NotFoundError } from '@/db/errors';
import { followUser, isFollowing, unfollowUser } from '@/db/queries/follows';
import { endpoints } from '@/app/lib/api/endpoints';
import { apiHandler, apiRoute } from '@/app/lib/api/handler';
import { idParam } from '@/app/lib/api/params';

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = apiRoute({
  // 204 when following; 404 when not, or when there is no such user.
  GET: apiHandler(endpoints.isFollowing, async ({ viewer, params }) => {
    if (!(await isFollowing(viewer, idParam(params.id)))) throw new NotFoundError('You are not following this user.');
  }),
  POST: apiHandler(endpoints.follow, async ({ viewer, params }) => {
    if (!(await followUser(viewer, { id: idParam(params.id) })).changed) throw new ConflictError('You are already following this user.');
  }),
  DELETE: apiHandler(endpoints.unfollow, async ({ viewer, params }) => {
    if (!(await unfollowUser(viewer, { id: idParam(params.id) })).changed) throw new ConflictError('You are not following this user.');
  }),
});
