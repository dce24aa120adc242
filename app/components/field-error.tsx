/**
 * A field's validation message, linked to the field with aria-describedby={fieldErrorId(...)}.
 * Messages arrive as refs ("forms.tooLong?max=200", from zod schemas and services) and are
 * translated here, in the reader's language.
 */
import { tMessage } from "~/i18n";

export const fieldErrorId = (formId: string, field: string) => `${formId}-${field}-error`;

interface Props {
  formId: string;
  field: string;
  message: string | undefined;
  /** For an error no field points at (about the whole form): announced when it appears. */
  alert?: boolean;
}

export function FieldError({ formId, field, message, alert = false }: Props) {
  if (!message) return null;
  return (
    <p
      className="field-error"
      id={fieldErrorId(formId, field)}
      role={alert ? "alert" : undefined}
      data-testid={`error-${field}`}
    >
      {tMessage(message)}
    </p>
  );
}

/** Props for an input that may have an error; `hintId` also links a hint that is always shown. */
export function errorProps(
  formId: string,
  field: string,
  message: string | undefined,
  hintId?: string,
): { "aria-invalid"?: true; "aria-describedby"?: string } {
  const describedBy = [message ? fieldErrorId(formId, field) : undefined, hintId].filter(Boolean).join(" ");
  return {
    ...(message ? { "aria-invalid": true as const } : {}),
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
  };
}
