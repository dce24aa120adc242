/**
 * Counts per responsibility as a stacked bar with a legend; the bar's text
 * alternative lists all counts. Used on the board, a version page and both
 * sides of a diff (hence the generated heading id and optional visible heading).
 */
import { useId } from "react";
import { t } from "~/i18n";
import { countResponsibilities, RESPONSIBILITIES, type ThreatRow } from "../../../core/board-doc";
import { Message } from "../message";

interface Props {
  rows: readonly Pick<ThreatRow, "responsibility">[];
  /** Shown as a visible heading (default: a hidden "Responsibility summary"). */
  heading?: string;
}

export function ResponsibilitySummary({ rows, heading }: Props) {
  const headingId = useId();
  const counts = countResponsibilities(rows);
  const total = rows.length;
  return (
    <section className="summary" aria-labelledby={headingId}>
      <h2 id={headingId} className={heading ? "summary-heading" : "visually-hidden"}>
        {heading ?? t("summary.label")}
      </h2>
      <div className="summary-bar" role="img" aria-label={t("summary.text", { ...counts, total })}>
        {RESPONSIBILITIES.filter((r) => counts[r] > 0).map((r) => (
          <span
            key={r}
            className={`summary-segment resp-fill-${r}`}
            style={{ flexGrow: counts[r] }}
            title={t("common.labelCount", { label: t(`responsibility.${r}`), count: counts[r] })}
          >
            {counts[r]}
          </span>
        ))}
      </div>
      <ul className="summary-legend">
        {RESPONSIBILITIES.map((r) => (
          <li key={r}>
            <span className={`swatch resp-fill-${r}`} aria-hidden="true" />
            <Message
              id="common.legendCount"
              values={{
                label: t(`responsibility.${r}`),
                count: <strong data-testid={`summary-${r}`}>{counts[r]}</strong>,
              }}
            />
          </li>
        ))}
        <li className="summary-total">
          <Message
            id="common.legendCount"
            values={{ label: t("summary.total"), count: <strong data-testid="summary-total">{total}</strong> }}
          />
        </li>
      </ul>
    </section>
  );
}
