/**
 * Limits that people passed together, shown rather than enforced: two people
 * typing into one title at the same moment can pass its maximum, and the
 * server must not disconnect them for it (COLLAB-16). The board says so here.
 */
import { useMemo } from "react";
import type * as Y from "yjs";
import { boardWarnings, readRow, type BoardWarning } from "../../../core/board-doc";
import { t } from "~/i18n";

const FIELD_LABEL = { title: "grid.title", description: "grid.description", notes: "grid.notes" } as const;

function describe(doc: Y.Doc, warning: BoardWarning): string {
  if (warning.kind === "field-too-long") {
    const row = warning.rowId ? readRow(doc, warning.rowId) : null;
    return t("boardWarnings.fieldTooLong", {
      field: t(FIELD_LABEL[warning.field ?? "title"]),
      row: (row?.title ?? "").slice(0, 60),
      size: warning.size,
      limit: warning.limit,
    });
  }
  if (warning.kind === "many-rows") return t("boardWarnings.manyRows", { size: warning.size, limit: warning.limit });
  return t("boardWarnings.largeDocument", { size: warning.size });
}

/** `trigger` only says when to read again (it changes with what the warnings depend on): they come from the document itself. */
export function BoardWarnings({ doc, trigger }: { doc: Y.Doc | null; trigger: unknown }) {
  const warnings = useMemo(() => (doc ? boardWarnings(doc) : []), [doc, trigger]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!doc || warnings.length === 0) return null;
  return (
    <ul className="banner banner-warning" data-testid="board-warnings">
      {warnings.slice(0, 5).map((warning, index) => (
        <li key={`${warning.kind}-${warning.rowId ?? ""}-${warning.field ?? ""}-${index}`}>{describe(doc, warning)}</li>
      ))}
    </ul>
  );
}
