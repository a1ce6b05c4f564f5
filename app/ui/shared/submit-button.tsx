'use client';

import { useFormStatus } from 'react-dom';

/**
 * How a button looks: `primary` for the page's main action, `secondary` for undoing or lesser ones
 * (Unfollow), `danger` for actions that cannot be taken back (Delete, Sign Out Everywhere).
 */
export type ButtonVariant = 'primary' | 'secondary' | 'danger';

export function buttonClass(variant: ButtonVariant = 'primary'): string {
  return variant === 'primary' ? 'button' : `button button-${variant}`;
}

interface SubmitButtonProps {
  children: React.ReactNode;
  disabled?: boolean;
  variant?: ButtonVariant;
  /** A class of its own instead of a button variant (Like is a text-style toggle). */
  className?: string;
  /** For toggle buttons (Like): whether it is on. */
  pressed?: boolean;
  /** An accessible name when the visible text is not enough ("Like (3 likes)"). */
  label?: string;
}

/** Disabled while its form is submitting, so a double click cannot send twice. */
export function SubmitButton({ children, disabled, variant, className, pressed, label }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className ?? buttonClass(variant)} disabled={pending || disabled} aria-disabled={pending || disabled} aria-pressed={pressed} aria-label={label}>
      {children}
    </button>
  );
}
