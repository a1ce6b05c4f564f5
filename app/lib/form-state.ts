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

export function fromZodError(error: z.ZodError, values: Record<string, string>): FormState {
  const { formErrors, fieldErrors } = z.flattenError(error);
  return {
    status: 'error',
    message: formErrors[0] ?? 'Please correct the errors below.',
    fieldErrors: fieldErrors as Record<string, string[]>,
    values,
  };
}
