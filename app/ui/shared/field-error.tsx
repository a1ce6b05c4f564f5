/** A field's error, tied to its input by id (the input points at it with aria-describedby). */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {errors[0]}
    </p>
  );
}

/**
 * The input's ARIA attributes: `aria-invalid` and its error's id while it has errors, and the id of a
 * hint ("8 to 72 characters.") when it has one, so a screen reader reads both with the field.
 */
export function describedBy(id: string, errors?: string[], hintId?: string) {
  const ids = [errors?.length ? id : null, hintId].filter(Boolean).join(' ');
  return {
    ...(ids ? { 'aria-describedby': ids } : {}),
    ...(errors?.length ? { 'aria-invalid': true as const } : {}),
  };
}
