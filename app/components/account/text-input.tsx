/** A labelled input with its validation message (the account and member forms). */
import type { InputHTMLAttributes } from "react";
import { errorProps, FieldError } from "../field-error";

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  formId: string;
  name: string;
  label: string;
  error: string | undefined;
  hint?: string;
  /** Id of a message about the whole form (e.g. "Email or password is incorrect"): marks this field invalid too and links it. */
  formErrorId?: string;
}

export function TextInput({ formId, name, label, error, hint, formErrorId, ...input }: Props) {
  const id = `${formId}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const described = [errorProps(formId, name, error, hintId)["aria-describedby"], formErrorId]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        {...input}
        aria-invalid={error || formErrorId ? true : undefined}
        aria-describedby={described || undefined}
      />
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldError formId={formId} field={name} message={error} />
    </div>
  );
}
