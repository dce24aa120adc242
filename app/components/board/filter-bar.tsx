/** Local filter of the matrix: one responsibility (or all) and free text. Keeps the browser's own undo. */
import { useEffect, useRef, useState } from "react";
import { t } from "~/i18n";
import { RESPONSIBILITY_FILTERS, type RowFilter } from "~/lib/row-filter";
import { NATIVE_UNDO_ATTRIBUTE } from "~/hooks/use-undo-manager";

interface Props {
  filter: RowFilter;
  onChange: (filter: RowFilter) => void;
  shown: number;
  total: number;
}

/** The count is read out once typing pauses, not on every keystroke. */
const ANNOUNCE_AFTER_MS = 700;

export function FilterBar({ filter, onChange, shown, total }: Props) {
  const nativeUndo = { [NATIVE_UNDO_ATTRIBUTE]: "" };
  const count = t("filter.showing", { shown, total });
  // Announced only after this person changes the filter: rows others add or delete stay silent.
  const [announcement, setAnnouncement] = useState("");
  const latest = useRef(count);
  latest.current = count;
  const applied = useRef(`${filter.responsibility}\n${filter.query}`);
  useEffect(() => {
    const key = `${filter.responsibility}\n${filter.query}`;
    if (key === applied.current) return;
    applied.current = key;
    const timer = window.setTimeout(() => setAnnouncement(latest.current), ANNOUNCE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [filter.query, filter.responsibility]);

  return (
    <div role="search" className="filter-bar" aria-label={t("filter.label")} {...nativeUndo}>
      <fieldset className="segmented filter-responsibility">
        <legend className="visually-hidden">{t("filter.responsibility")}</legend>
        {RESPONSIBILITY_FILTERS.map((value) => (
          <label key={value} className={`segment segment-${value}`}>
            <input
              type="radio"
              name="filter-responsibility"
              value={value}
              checked={filter.responsibility === value}
              onChange={() => onChange({ ...filter, responsibility: value })}
            />
            <span>{value === "all" ? t("filter.all") : t(`responsibility.${value}`)}</span>
          </label>
        ))}
      </fieldset>
      <label className="filter-text">
        <span className="visually-hidden">{t("filter.text")}</span>
        <input
          type="search"
          value={filter.query}
          placeholder={t("filter.textPlaceholder")}
          onChange={(event) => onChange({ ...filter, query: event.target.value })}
        />
      </label>
      <span className="filter-count" data-testid="filter-count">
        {count}
      </span>
      <span role="status" className="visually-hidden">
        {announcement}
      </span>
    </div>
  );
}
