/** A labelled input with its validation message (the account and member forms). */
import type { InputHTMLAttributes } from "react";
import { errorProps, FieldError } from "../field-error";

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  formId: string;
  name: string;
  label: string;
  error: string | undefined;
  hint?: string;
}

export function TextInput({ formId, name, label, error, hint, ...input }: Props) {
  const id = `${formId}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const described = [error ? errorProps(formId, name, error)["aria-describedby"] : undefined, hintId].filter(Boolean).join(" ");
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="text" {...input} aria-invalid={error ? true : undefined} aria-describedby={described || undefined} />
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldError formId={formId} field={name} message={error} />
    </div>
  );
}
