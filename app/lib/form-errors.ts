import 'server-only';
import { ConflictError, domainErrorOf, StorageError, UnavailableError, ValidationError, type DomainError } from '@/db/errors';
import type { FormState } from './form-state';

/**
 * The domain error behind `error` (a data-layer error, or a busy or full database however deeply the
 * driver and Drizzle wrapped it), logged when it is an outage the operator should see. Anything that
 * is not a domain error is a bug: it is rethrown so error.tsx shows the friendly 500 page and the log
 * has the cause.
 */
function domainErrorOrRethrow(error: unknown): DomainError {
  const domain = domainErrorOf(error);
  if (!domain) throw error;
  if (domain instanceof StorageError) console.error('A write failed: the database storage refused it.', error);
  else if (domain instanceof UnavailableError) console.warn(`Answered "busy": ${(domain.cause as Error | undefined)?.message ?? domain.message}`);
  return domain;
}

/** The sentence a user reads for `error` (e.g. in a flash message); rethrows what is not a domain error. */
export function userMessageOf(error: unknown): string {
  return domainErrorOrRethrow(error).message;
}

/**
 * The one place where domain errors become form messages, with what the user typed (`values`) echoed
 * back so nothing is lost. A busy database reads "The server is busy, please try again.", a full one
 * "Your changes could not be saved: ...". Anything that is not a domain error is rethrown.
 */
export function formErrorFrom(error: unknown, values: Record<string, string>): FormState {
  const domain = domainErrorOrRethrow(error);
  if (domain instanceof ConflictError && domain.field) {
    const fieldErrors = Object.fromEntries(Object.entries(domain.fields).map(([field, message]) => [field, [message]]));
    return { status: 'error', message: 'Please correct the errors below.', fieldErrors, values };
  }
  if (domain instanceof ValidationError && domain.field) {
    return { status: 'error', message: 'Please correct the errors below.', fieldErrors: { [domain.field]: [domain.message] }, values };
  }
  return { status: 'error', message: domain.message, values };
}
