'use client';

import { useFormStatus } from 'react-dom';

/**
 * How a button looks: `primary` for the page's main action, `secondary` for undoing or lesser ones
 * (Unfollow), `danger` for actions that cannot be taken back (Sign Out Everywhere).
 */
export type ButtonVariant = 'primary' | 'secondary' | 'danger';

export function buttonClass(variant: ButtonVariant = 'primary'): string {
  return variant === 'primary' ? 'button' : `button button-${variant}`;
}

/** Disabled while its form is submitting, so a double click cannot send twice. */
export function SubmitButton({ children, disabled, variant }: { children: React.ReactNode; disabled?: boolean; variant?: ButtonVariant }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={buttonClass(variant)} disabled={pending || disabled} aria-disabled={pending || disabled}>
      {children}
    </button>
  );
}
