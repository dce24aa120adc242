/** The chair adds an agenda item: a title and the threats to discuss (a native multiple select: keyboard-ready). */
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { errorProps, FieldError } from "~/components/field-error";
import { t } from "~/i18n";

interface Props {
  rows: readonly { id: string; title: string }[];
  fieldErrors: Partial<Record<string, string>>;
  /** The meeting fetcher is busy / its last answer was a success: the form clears only then (FORMS-1). */
  busy: boolean;
  succeeded: boolean;
  onAdd: (title: string, rowIds: string[]) => void;
}

export function AgendaItemForm({ rows, fieldErrors, busy, succeeded, onAdd }: Props) {
  const id = useId();
  const [title, setTitle] = useState("");
  const select = useRef<HTMLSelectElement>(null);
  const sent = useRef(false);
  // Cleared once the server has added the item, never before: a refused or failed add keeps the title and rows.
  useEffect(() => {
    if (busy || !sent.current) return;
    sent.current = false;
    if (!succeeded) return;
    setTitle("");
    for (const option of select.current?.options ?? []) option.selected = false;
  }, [busy, succeeded]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = [...(select.current?.selectedOptions ?? [])].map((option) => option.value);
    sent.current = true;
    onAdd(title, chosen);
  };
  return (
    <form className="agenda-item-form" onSubmit={onSubmit} noValidate data-testid="agenda-item-form">
      <h4>{t("meeting.addHeading")}</h4>
      <label htmlFor={`${id}-title`}>{t("meeting.itemTitle")}</label>
      <input
        id={`${id}-title`}
        name="title"
        value={title}
        maxLength={200}
        onChange={(event) => setTitle(event.target.value)}
        {...errorProps(id, "title", fieldErrors.title)}
      />
      <FieldError formId={id} field="title" message={fieldErrors.title} />
      <label htmlFor={`${id}-rows`}>{t("meeting.itemRowsLabel")}</label>
      <p className="hint" id={`${id}-rows-hint`}>
        {t("meeting.itemRowsHint")}
      </p>
      <select
        id={`${id}-rows`}
        ref={select}
        name="rowIds"
        multiple
        size={6}
        {...errorProps(id, "rowIds", fieldErrors.rowIds, `${id}-rows-hint`)}
      >
        {rows.map((row, index) => (
          <option key={row.id} value={row.id}>
            {`${index + 1}. ${row.title}`}
          </option>
        ))}
      </select>
      <FieldError formId={id} field="rowIds" message={fieldErrors.rowIds} />
      <FieldError formId={id} field="form" message={fieldErrors.form} alert />
      <button type="submit" className="button" data-testid="agenda-add">
        {t("meeting.add")}
      </button>
    </form>
  );
}
