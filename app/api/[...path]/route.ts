import { ApiError } from '@/app/lib/api/errors';
import { apiErrorResponse } from '@/app/lib/api/handler';
import { isPreflight, preflightResponse } from '@/app/lib/api/cors';

/** Every other /api URL: the contract's JSON 404 (with CORS headers, so a browser client can read it). */
const notFound = async (request: Request) => apiErrorResponse(request, new ApiError(404));

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const DELETE = notFound;
export const PATCH = notFound;
export const OPTIONS = async (request: Request) => (isPreflight(request) ? preflightResponse(request) : notFound(request));
