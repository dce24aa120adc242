/** Local filter of the matrix: one responsibility (or all) and free text. Keeps the browser's own undo. */
import { t } from "~/i18n";
import { RESPONSIBILITY_FILTERS, type RowFilter } from "~/lib/row-filter";
import { NATIVE_UNDO_ATTRIBUTE } from "~/hooks/use-undo-manager";

interface Props {
  filter: RowFilter;
  onChange: (filter: RowFilter) => void;
  shown: number;
  total: number;
}

export function FilterBar({ filter, onChange, shown, total }: Props) {
  const nativeUndo = { [NATIVE_UNDO_ATTRIBUTE]: "" };
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
          aria-label={t("filter.text")}
          onChange={(event) => onChange({ ...filter, query: event.target.value })}
        />
      </label>
      <output className="filter-count" aria-live="polite" data-testid="filter-count">
        {t("filter.showing", { shown, total })}
      </output>
    </div>
  );
}
