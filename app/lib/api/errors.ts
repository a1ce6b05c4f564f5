import 'server-only';
import type { z } from 'zod';
import { ConflictError, ValidationError } from '@/db/errors';
import { httpStatusOf, retryAfterSeconds } from '../http';
import { errorBody, TEXTS } from './error-texts';

/**
 * The REST API's error body (design/api-contract.md section 5):
 * `{code, message, description}`, plus `errors: {json|query: {field: [messages]}}` for validation.
 */

export type ErrorLocation = 'json' | 'query';
export type FieldErrors = Record<string, string[]>;

/** Thrown by handlers and the wrapper; becomes the contract's body with this status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description?: string,
    readonly headers: Record<string, string> = {},
    readonly errors?: Partial<Record<ErrorLocation, FieldErrors>>,
  ) {
    super(description ?? TEXTS[status]?.[0] ?? 'Error');
  }
}

/** A 400 "Validation Error" naming fields, as clients read it (`errors.json.<field>`). */
export function validationError(location: ErrorLocation, fields: FieldErrors): ApiError {
  return new ApiError(400, 'The server found one or more errors in the information that you sent.', {}, { [location]: fields });
}

/**
 * zod issues as the contract's field lists: unknown keys become "Unknown field.", object-level ones
 * `_schema`. One message per field, the first rule it breaks (an empty username is "required", not
 * also "too short" and "must start with a letter").
 */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  const add = (field: string, message: string) => (fields[field] ??= [message]);
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) add(key, 'Unknown field.');
    else add(issue.path.length > 0 ? String(issue.path[0]) : '_schema', issue.message);
  }
  return fields;
}

export function errorResponse(error: ApiError, extraHeaders: Headers): Response {
  const body =
    error.errors !== undefined
      ? { code: error.status, message: 'Validation Error', description: error.description, errors: error.errors }
      : errorBody(error.status, error.description);
  const headers = new Headers(extraHeaders);
  headers.set('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(error.headers)) headers.set(name, value);
  return Response.json(body, { status: error.status, headers });
}

/**
 * Domain errors as ApiErrors, through the app's one status mapping (app/lib/http.ts). Taken values
 * and rules tied to a field are validation errors on that field; anything unknown is a 500 (logged).
 */
export function apiErrorFrom(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ConflictError && error.field) {
    return validationError('json', Object.fromEntries(Object.entries(error.fields).map(([f, m]) => [f, [m]])));
  }
  if (error instanceof ValidationError && error.field) return validationError('json', { [error.field]: [error.message] });
  const status = httpStatusOf(error);
  if (status === null) {
    console.error(error);
    return new ApiError(500);
  }
  const retryAfter = retryAfterSeconds(error);
  const headers: Record<string, string> = retryAfter === null ? {} : { 'Retry-After': String(retryAfter) };
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer realm="Authentication Required"';
  return new ApiError(status, status === 401 ? undefined : (error as Error).message, headers);
}
