/** A row's text field (title, description or notes) bound to its shared Y.Text. */
import { useRowText } from "~/hooks/use-rows";
import { useBoundText } from "~/hooks/use-bound-text";
import { ENTER_RETURNS_ATTRIBUTE } from "~/hooks/use-grid-navigation";
import { t } from "~/i18n";
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, type TextField } from "../../../core/board-doc";
import { useBoard } from "./board-context";

interface Props {
  rowId: string;
  field: TextField;
  label: string;
  placeholder?: string;
  multiline?: boolean;
  className?: string;
  /** The full text, shown on hover when the field is too narrow for it. */
  hint?: string;
}

export function YTextField({ rowId, field, label, placeholder, multiline = false, className, hint }: Props) {
  const { rows, undoManager, readOnly, locked = false } = useBoard();
  const text = useRowText(rows, rowId, field);
  const bound = useBoundText<HTMLInputElement & HTMLTextAreaElement>(text, undoManager);
  const common = {
    ...bound,
    "aria-label": label,
    placeholder,
    className,
    tabIndex: -1,
    "data-field": field,
    disabled: text === null || locked,
    title: locked ? t("workflow.lockedNote") : hint || undefined,
    readOnly,
    spellCheck: true,
  };
  if (multiline) return <textarea {...common} rows={2} maxLength={MAX_TEXT_LENGTH} />;
  const enterReturns = { [ENTER_RETURNS_ATTRIBUTE]: "" };
  return <input {...common} {...enterReturns} type="text" maxLength={MAX_TITLE_LENGTH} autoComplete="off" />;
}
