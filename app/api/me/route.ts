import { getUser } from '@/db/queries/user-directory';
import { endpoints } from '@/app/lib/api/endpoints';
import { apiHandler, apiRoute } from '@/app/lib/api/handler';
import { userJson } from '@/app/lib/api/representations';
import { updateMe } from '@/app/lib/api/update-me';

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = apiRoute({
  GET: apiHandler(endpoints.getMe, async ({ viewer }) => userJson(await getUser(viewer, { id: viewer.id }))),
  PUT: apiHandler(endpoints.updateMe, async ({ viewer, body }) => userJson(await updateMe(viewer, body))),
});
