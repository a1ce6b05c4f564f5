import { searchPeoplePage, searchPostsPage } from '@/db/queries/search';
import { endpoints } from '@/app/lib/api/endpoints';
import { apiHandler, apiRoute } from '@/app/lib/api/handler';
import { pageRequest } from '@/app/lib/api/pagination';
import { pageJson, postJson, userJson } from '@/app/lib/api/representations';

// The web's /search (db/queries/search.ts): the same query rules, ranking and username prefixes.
export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = apiRoute({
  GET: apiHandler(endpoints.search, async ({ viewer, query }) => {
    const { limit, offset = 0 } = pageRequest(query, false);
    if (query.type === 'users') return pageJson(await searchPeoplePage(viewer, { q: query.q, limit, offset }), limit, userJson);
    return pageJson(await searchPostsPage(viewer, { q: query.q, limit, offset }), limit, postJson);
  }),
});
