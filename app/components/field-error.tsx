/** A field's validation message, linked to the field with aria-describedby={fieldErrorId(...)}. */
export const fieldErrorId = (formId: string, field: string) => `${formId}-${field}-error`;

interface Props {
  formId: string;
  field: string;
  message: string | undefined;
}

export function FieldError({ formId, field, message }: Props) {
  if (!message) return null;
  return (
    <p className="field-error" id={fieldErrorId(formId, field)} data-testid={`error-${field}`}>
      {message}
    </p>
  );
}

/** Props for an input that may have an error. */
export function errorProps(formId: string, field: string, message: string | undefined) {
  return message ? { "aria-invalid": true as const, "aria-describedby": fieldErrorId(formId, field) } : {};
}
