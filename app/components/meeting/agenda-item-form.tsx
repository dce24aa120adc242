/** The chair adds an agenda item: a title and the threats to discuss (a native multiple select: keyboard-ready). */
import { useId, useRef, useState, type FormEvent } from "react";
import { errorProps, FieldError } from "~/components/field-error";
import { t } from "~/i18n";

interface Props {
  rows: readonly { id: string; title: string }[];
  fieldErrors: Partial<Record<string, string>>;
  onAdd: (title: string, rowIds: string[]) => void;
}

export function AgendaItemForm({ rows, fieldErrors, onAdd }: Props) {
  const id = useId();
  const [title, setTitle] = useState("");
  const select = useRef<HTMLSelectElement>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = [...(select.current?.selectedOptions ?? [])].map((option) => option.value);
    onAdd(title, chosen);
    setTitle("");
    for (const option of select.current?.options ?? []) option.selected = false;
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
      <button type="submit" className="button" data-testid="agenda-add">
        {t("meeting.add")}
      </button>
    </form>
  );
}
