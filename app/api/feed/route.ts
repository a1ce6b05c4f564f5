import { endpoints } from '@/app/lib/api/endpoints';
import { postsHandler } from '@/app/lib/api/collections';
import { apiRoute } from '@/app/lib/api/handler';

// The home timeline of the web: the viewer's posts and those of everyone they follow.
export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = apiRoute({ GET: postsHandler(endpoints.feed, () => ({ kind: 'home' })) });
