import type { FormState } from '@/app/lib/form-state';

/** The form-wide message of a FormState (field messages sit beside their fields). */
export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <p className={state.status === 'error' ? 'alert alert-error' : 'alert'} role="alert">
      {state.message}
    </p>
  );
}
