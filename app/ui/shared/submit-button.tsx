'use client';

import { useFormStatus } from 'react-dom';

interface SubmitButtonProps {
  children: React.ReactNode;
  disabled?: boolean;
  /** Defaults to the primary "button" style. */
  className?: string;
  /** For toggle buttons (Like): whether it is on. */
  pressed?: boolean;
  /** An accessible name when the visible text is not enough ("Like (3 likes)"). */
  label?: string;
}

/** Disabled while its form is submitting, so a double click cannot send twice. */
export function SubmitButton({ children, disabled, className = 'button', pressed, label }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending || disabled} aria-disabled={pending || disabled} aria-pressed={pressed} aria-label={label}>
      {children}
    </button>
  );
}
