import { z } from 'zod';

/** The one shape every form action returns to useActionState. */
export interface FormState {
  status: 'idle' | 'error' | 'success';
  /** A message for the whole form (e.g. "Invalid username or password"). */
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What the user typed, echoed back so nothing is lost (never passwords). */
  values?: Record<string, string>;
}

export const initialFormState: FormState = { status: 'idle' };

/** Plain string fields of a form, for echoing back; File entries and passwords are left out. */
export function echoValues(formData: FormData, keys: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of keys) {
    const value = formData.get(key);
    if (typeof value === 'string') values[key] = value;
  }
  return values;
}

/**
 * A rejected form. Errors of `hiddenFields` (a recipient, a reset token: values the page put in the
 * form, which the user cannot see or correct) become the form-wide message, since no field shows them.
 */
export function fromZodError(error: z.ZodError, values: Record<string, string>, hiddenFields: string[] = []): FormState {
  const { formErrors, fieldErrors } = z.flattenError(error) as { formErrors: string[]; fieldErrors: Record<string, string[]> };
  const hiddenError = hiddenFields.map((field) => fieldErrors[field]?.[0]).find(Boolean);
  for (const field of hiddenFields) delete fieldErrors[field];
  const visible = Object.keys(fieldErrors).length > 0;
  return {
    status: 'error',
    message: hiddenError ?? formErrors[0] ?? 'Please correct the errors below.',
    fieldErrors: visible ? fieldErrors : undefined,
    values,
  };
}
