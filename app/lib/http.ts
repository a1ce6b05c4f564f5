import 'server-only';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  UnavailableError,
  ValidationError,
} from '@/db/errors';

/** The standard reason phrase of each status this app answers with (the reference's `{"error": ...}` body). */
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/**
 * A JSON error, `{"error": "<reason>"}` plus `message` when given. Never cached: the answer depends on
 * the session, and a 401 or 404 must not outlive a sign-in or a new user.
 */
export function jsonError(status: number, message?: string, headers: Record<string, string> = {}): Response {
  const body = message === undefined ? { error: REASONS[status] ?? 'Error' } : { error: REASONS[status] ?? 'Error', message };
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/**
 * The one mapping from domain errors to HTTP responses for JSON endpoints (a RateLimitedError is a 429
 * with `Retry-After`). Anything else is a bug or
 * an outage: it is rethrown, so the framework answers 500 and the log has the cause.
 */
export function jsonErrorFrom(error: unknown): Response {
  if (error instanceof UnauthenticatedError) return jsonError(401);
  if (error instanceof NotFoundError) return jsonError(404);
  if (error instanceof ForbiddenError) return jsonError(403);
  if (error instanceof ConflictError) return jsonError(409, error.message);
  if (error instanceof ValidationError) return jsonError(400, error.message);
  // The message says the wait in words ("Please try again in 4 minutes."); Retry-After in seconds.
  if (error instanceof RateLimitedError) return jsonError(429, error.message, { 'Retry-After': String(error.retryAfterS) });
  if (error instanceof UnavailableError) return jsonError(503, error.message);
  if (error instanceof DomainError) return jsonError(400, error.message);
  throw error;
}
