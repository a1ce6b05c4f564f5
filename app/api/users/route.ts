import { registerUser } from '@/db/queries/users';
import { updateProfile } from '@/db/queries/profiles';
import { getUser, listUsers } from '@/db/queries/user-directory';
import { rateLimitPerClient } from '@/app/lib/rate-limit-guard';
import { signupPerClient } from '@/app/lib/rate-limits';
import { endpoints } from '@/app/lib/api/endpoints';
import { apiHandler, apiRoute } from '@/app/lib/api/handler';
import { pageRequest } from '@/app/lib/api/pagination';
import { pageJson, userJson } from '@/app/lib/api/representations';

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = apiRoute({
  GET: apiHandler(endpoints.listUsers, async ({ viewer, query }) => {
    const page = pageRequest(query, false);
    return pageJson(await listUsers(viewer, { limit: page.limit, offset: page.offset ?? 0 }), page.limit, userJson);
  }),
  POST: apiHandler(endpoints.createUser, async ({ body }) => {
    await rateLimitPerClient(signupPerClient);
    const user = await registerUser(body);
    if (body.about_me) await updateProfile(user, { username: user.username, aboutMe: body.about_me });
    return userJson(await getUser(user, { id: user.id }));
  }),
});
