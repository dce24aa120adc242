/** Counts per responsibility as a stacked bar with a legend; the bar's text alternative lists all counts. */
import { t } from "~/i18n";
import { countResponsibilities, RESPONSIBILITIES, type ThreatRow } from "~/lib/board-doc";

interface Props {
  rows: readonly ThreatRow[];
}

export function ResponsibilitySummary({ rows }: Props) {
  const counts = countResponsibilities([...rows]);
  const total = rows.length;
  return (
    <section className="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="visually-hidden">
        {t("summary.label")}
      </h2>
      <div className="summary-bar" role="img" aria-label={t("summary.text", { ...counts, total })}>
        {RESPONSIBILITIES.filter((r) => counts[r] > 0).map((r) => (
          <span key={r} className={`summary-segment resp-fill-${r}`} style={{ flexGrow: counts[r] }} title={`${t(`responsibility.${r}`)}: ${counts[r]}`}>
            {counts[r]}
          </span>
        ))}
      </div>
      <ul className="summary-legend">
        {RESPONSIBILITIES.map((r) => (
          <li key={r}>
            <span className={`swatch resp-fill-${r}`} aria-hidden="true" />
            {t(`responsibility.${r}`)} <strong data-testid={`summary-${r}`}>{counts[r]}</strong>
          </li>
        ))}
        <li className="summary-total">
          {t("summary.total")} <strong data-testid="summary-total">{total}</strong>
        </li>
      </ul>
    </section>
  );
}
