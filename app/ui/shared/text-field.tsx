import type { InputHTMLAttributes, Key } from 'react';
import { describedBy, FieldError } from './field-error';

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  id: string;
  label: string;
  /** The field's errors; the first shows under the input, and only then is the input marked invalid. */
  errors?: string[];
  /** Shown between the input and its error (string or links, e.g. where else to change it). */
  hint?: React.ReactNode;
  /** Keys the input alone, so a new value (e.g. echoed back by the server) resets its defaultValue. */
  resetKey?: Key;
};

/** A label, its input and the input's error (`${id}-error`), in that order, as siblings. */
export function TextField({ id, label, errors, hint, resetKey, ...input }: TextFieldProps) {
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {/* Far above every rule, so the rule's message still shows; it only keeps a huge paste
          from exceeding the server's 1 MB request limit. */}
      <input key={resetKey} id={id} maxLength={1000} {...input} {...describedBy(errorId, errors, hintId)} />
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} errors={errors} />
    </>
  );
}
