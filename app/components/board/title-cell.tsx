/** First column: title, category and the expandable description. */
import { useId, useState } from "react";
import { t } from "~/i18n";
import type { ThreatRow } from "../../../core/board-doc";
import { CategorySelect } from "./category-select";
import { YTextField } from "./y-text-field";

interface Props {
  row: ThreatRow;
}

export function TitleCell({ row }: Props) {
  // Which row's description is open: the grid hands this cell on to another row on a filter change (GRID-16).
  const [expandedRow, setExpandedRow] = useState<string | null>(null);
  const expanded = expandedRow === row.id;
  const descriptionId = useId();
  const hasDescription = row.description.trim() !== "";
  return (
    <div className="title-cell">
      <YTextField
        rowId={row.id}
        field="title"
        label={t("grid.title")}
        placeholder={t("grid.titlePlaceholder")}
        className="title-input"
        hint={row.title}
      />
      <div className="title-meta">
        <CategorySelect rowId={row.id} category={row.category} />
        <button
          type="button"
          className="link-button description-toggle"
          tabIndex={-1}
          aria-expanded={expanded}
          aria-controls={descriptionId}
          onClick={() => setExpandedRow(expanded ? null : row.id)}
        >
          <span aria-hidden="true">{expanded ? "▾" : "▸"}</span> {t("grid.description")}
          {hasDescription && !expanded && (
            <>
              <span className="description-dot" title={t("grid.hasDescription")} aria-hidden="true" />
              <span className="visually-hidden">({t("grid.hasDescription")})</span>
            </>
          )}
        </button>
      </div>
      <div id={descriptionId} hidden={!expanded}>
        {expanded && (
          <YTextField
            rowId={row.id}
            field="description"
            label={t("grid.description")}
            multiline
            className="description-input"
          />
        )}
      </div>
      {!expanded && hasDescription && <p className="description-preview">{row.description}</p>}
    </div>
  );
}
