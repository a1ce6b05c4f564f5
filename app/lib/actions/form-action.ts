import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { Viewer } from '@/db/viewer';
import { assertViewer } from '../auth';
import { echoValues, fromZodError, type FormState } from '../form-state';
import { formErrorFrom } from '../form-errors';

/** What useActionState calls: the previous state and the submitted form. */
export type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

export interface FormSpec<S extends z.ZodType> {
  /** Validates the input built from the form (every entry point is public). */
  schema: S;
  /** The fields read from the form (a missing one reads as ''), unless `input` builds the input. */
  fields?: readonly string[];
  /** Builds the input from the form when fields alone do not (e.g. a checkbox becomes a boolean). */
  input?: (formData: FormData) => unknown;
  /** Fields echoed back with every error so nothing typed is lost (never passwords). */
  echo?: readonly string[];
  /** Hidden fields (a token, a recipient): their errors become the form's message, as no field shows them. */
  hidden?: readonly string[];
}

export interface FormContext {
  formData: FormData;
  /** The echoed fields, for a handler that returns its own error state. */
  values: Record<string, string>;
}

function inputOf(spec: FormSpec<z.ZodType>, formData: FormData): unknown {
  if (spec.input) return spec.input(formData);
  return Object.fromEntries((spec.fields ?? []).map((field) => [field, formData.get(field) ?? '']));
}

/**
 * The one wrapper for form server actions (the shape of saas-starter's validatedAction): parses the
 * form with `spec.schema` (invalid input: field errors, typed values kept), runs `handler`, and turns
 * any domain error or database fault it throws (busy, full, conflict, ...) into a FormState with the
 * typed values echoed, instead of a 500 page, for JavaScript and no-JS form posts alike.
 * `redirect()` and `notFound()` inside the handler pass through. Other errors (bugs) are rethrown.
 */
export function formAction<S extends z.ZodType>(spec: FormSpec<S>, handler: (input: z.output<S>, context: FormContext) => Promise<FormState>): FormAction {
  return async (_previous, formData) => {
    const values = echoValues(formData, [...(spec.echo ?? [])]);
    const parsed = spec.schema.safeParse(inputOf(spec, formData));
    if (!parsed.success) return fromZodError(parsed.error, values, [...(spec.hidden ?? [])]);
    try {
      return await handler(parsed.data, { formData, values });
    } catch (error) {
      unstable_rethrow(error);
      return formErrorFrom(error, values);
    }
  };
}

/** formAction for signed-in users: the viewer comes from the session; none reads "Your session has ended". */
export function formActionWithViewer<S extends z.ZodType>(
  spec: FormSpec<S>,
  handler: (input: z.output<S>, viewer: Viewer, context: FormContext) => Promise<FormState>,
): FormAction {
  return formAction(spec, async (input, context) => handler(input, await assertViewer(), context));
}
