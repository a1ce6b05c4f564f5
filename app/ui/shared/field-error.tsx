/** A field's error, tied to its input by id (the input points at it with aria-describedby). */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {errors[0]}
    </p>
  );
}

export function describedBy(id: string, errors?: string[]) {
  return errors?.length ? { 'aria-describedby': id, 'aria-invalid': true as const } : {};
}
