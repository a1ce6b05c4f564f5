import { getUser } from '@/db/queries/user-directory';
import { decodeSegment } from '@/app/lib/page-params';
import { endpoints } from '@/app/lib/api/endpoints';
import { apiHandler, apiRoute } from '@/app/lib/api/handler';
import { userJson } from '@/app/lib/api/representations';

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = apiRoute({
  // An all-digit segment is always an id; anything else is a username.
  GET: apiHandler(endpoints.getUser, async ({ viewer, params }) => {
    const segment = decodeSegment(params.id);
    return userJson(await getUser(viewer, /^\d{1,15}$/.test(segment) ? { id: Number(segment) } : { username: segment.slice(0, 200) }));
  }),
});
