'use client';

import { useFormStatus } from 'react-dom';

/** Disabled while its form is submitting, so a double click cannot send twice. */
export function SubmitButton({ children, disabled }: { children: React.ReactNode; disabled?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="button" disabled={pending || disabled} aria-disabled={pending || disabled}>
      {children}
    </button>
  );
}
