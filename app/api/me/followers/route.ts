import { endpoints } from '@/app/lib/api/endpoints';
import { followListHandler } from '@/app/lib/api/collections';
import { apiRoute } from '@/app/lib/api/handler';

export const { GET, POST, PUT, DELETE, PATCH, OPTIONS } = apiRoute({ GET: followListHandler(endpoints.myFollowers, 'followers') });
