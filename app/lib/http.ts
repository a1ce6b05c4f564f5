import 'server-only';
import {
  ConflictError,
  DomainError,
  domainErrorOf,
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

/** Seconds a client should wait before retrying after a 503 (a lock or a full disk rarely clears sooner). */
export const RETRY_AFTER_S = 5;

/**
 * The one mapping from domain errors to HTTP statuses, shared by every JSON endpoint (this file's
 * `{"error"}` body and the REST API's contract body, app/lib/api/errors.ts). Null for anything else:
 * a bug or an outage.
 */
export function httpStatusOf(error: unknown): number | null {
  if (error instanceof UnauthenticatedError) return 401;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof ConflictError) return 409;
  if (error instanceof ValidationError) return 400;
  if (error instanceof RateLimitedError) return 429;
  if (error instanceof UnavailableError) return 503;
  if (error instanceof DomainError) return 400;
  return null;
}

/** Seconds a client should wait before retrying a 429 or 503 (the Retry-After header). */
export function retryAfterSeconds(error: unknown): number | null {
  // A limit that knows its own window says so (issue 10's RateLimitedError carries it).
  const own = Number((error as { retryAfterS?: unknown; retryAfter?: unknown } | null)?.retryAfterS ?? (error as { retryAfter?: unknown } | null)?.retryAfter);
  if (Number.isFinite(own) && own > 0) return Math.ceil(own);
  if (error instanceof RateLimitedError) return 60;
  if (error instanceof UnavailableError) return RETRY_AFTER_S;
  return null;
}

/**
 * Domain errors as `{"error"}` JSON responses (401 carries no message, the others their own).
 * Anything else is rethrown, so the framework answers 500 and the log has the cause.
 */
export function jsonErrorFrom(thrown: unknown): Response {
  // However the driver or drizzle wrapped it (a busy or full database arrives wrapped).
  const error = domainErrorOf(thrown) ?? thrown;
  const status = httpStatusOf(error);
  if (status === null) throw thrown;
  if (status === 503) console.warn(`Answered 503: ${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}`);
  const response = status === 401 || status === 404 || status === 403 ? jsonError(status) : jsonError(status, (error as Error).message);
  const retryAfter = retryAfterSeconds(error);
  if (retryAfter !== null) response.headers.set('Retry-After', String(retryAfter));
  return response;
}
