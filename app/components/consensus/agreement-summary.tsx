/** Agreed / proposed / draft counts of the board's threats as a small bar with numbers, and how many are blocked. */
import { useId } from "react";
import { t } from "~/i18n";
import { countAgreement } from "~/lib/consensus-labels";
import { Message } from "../message";
import { useConsensusOptional } from "./consensus-context";

const STATES = ["agreed", "proposed", "draft"] as const;
const LABELS = {
  agreed: "workflow.summaryAgreed",
  proposed: "workflow.summaryProposed",
  draft: "workflow.summaryDraft",
} as const;

export function AgreementSummary({ rowIds }: { rowIds: readonly string[] }) {
  const headingId = useId();
  const consensus = useConsensusOptional();
  if (!consensus?.data) return null;
  const counts = countAgreement(rowIds, consensus.data.consensus);
  // Rows of this board (as shown) with an open bracket (decision 020).
  const shown = new Set(rowIds);
  const bracketed = new Set(
    consensus.data.brackets.filter((b) => shown.has(b.rowId) && b.alternatives.length > 0).map((b) => b.rowId),
  ).size;
  return (
    <section className="summary agreement-summary" aria-labelledby={headingId} data-testid="agreement-summary">
      <h2 id={headingId} className="visually-hidden">
        {t("workflow.summaryLabel")}
      </h2>
      <div className="summary-bar" role="img" aria-label={t("workflow.summaryText", { ...counts })}>
        {STATES.filter((state) => counts[state] > 0).map((state) => (
          <span
            key={state}
            className={`summary-segment agreement-fill-${state}`}
            style={{ flexGrow: counts[state] }}
            title={t("common.labelCount", { label: t(LABELS[state]), count: counts[state] })}
          >
            {counts[state]}
          </span>
        ))}
      </div>
      <ul className="summary-legend">
        {STATES.map((state) => (
          <li key={state}>
            <span className={`swatch agreement-fill-${state}`} aria-hidden="true" />
            <Message
              id="common.legendCount"
              values={{
                label: t(LABELS[state]),
                count: <strong data-testid={`agreement-${state}`}>{counts[state]}</strong>,
              }}
            />
          </li>
        ))}
        <li>
          <Message
            id="common.legendCount"
            values={{
              label: t("brackets.summaryBracketed"),
              count: <strong data-testid="agreement-bracketed">{bracketed}</strong>,
            }}
          />
        </li>
        <li className={counts.blocked > 0 ? "agreement-blocked" : undefined}>
          <Message
            id="common.legendCount"
            values={{
              label: t("workflow.summaryBlocked"),
              count: <strong data-testid="agreement-blocked">{counts.blocked}</strong>,
            }}
          />
        </li>
      </ul>
    </section>
  );
}
