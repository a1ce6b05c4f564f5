import 'server-only';
import { ConflictError, DomainError, ValidationError } from '@/db/errors';
import type { FormState } from './form-state';

/**
 * The one place where domain errors become form messages. Anything that is not a domain error is a
 * bug or an outage: it is rethrown so error.tsx shows the friendly 500 page and the log has the cause.
 */
export function formErrorFrom(error: unknown, values: Record<string, string>): FormState {
  if (error instanceof ConflictError && error.field) {
    const fieldErrors = Object.fromEntries(Object.entries(error.fields).map(([field, message]) => [field, [message]]));
    return { status: 'error', message: 'Please correct the errors below.', fieldErrors, values };
  }
  if (error instanceof ValidationError && error.field) {
    return { status: 'error', message: 'Please correct the errors below.', fieldErrors: { [error.field]: [error.message] }, values };
  }
  if (error instanceof DomainError) return { status: 'error', message: error.message, values };
  throw error;
}
