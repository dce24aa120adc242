/**
 * NATO / EU / Shared / Unassigned as a segmented radio group (colour + text),
 * and the lead when Shared. Native radios give arrow-key selection for free.
 */
import { t } from "~/i18n";
import { LEADS, RESPONSIBILITIES, setResponsibility, type Lead, type ThreatRow } from "../../../core/board-doc";
import { useBoard } from "./board-context";

interface Props {
  row: ThreatRow;
  title: string;
}

export function ResponsibilityControl({ row, title }: Props) {
  const { doc, readOnly } = useBoard();
  return (
    <div className="responsibility" data-field="responsibility">
      <div
        className="segmented responsibility-options"
        role="radiogroup"
        aria-label={t("grid.responsibilityFor", { title })}
      >
        {RESPONSIBILITIES.map((value) => (
          <label key={value} className={`segment resp-option resp-option-${value}`}>
            <input
              type="radio"
              tabIndex={-1}
              name={`responsibility-${row.id}`}
              value={value}
              checked={row.responsibility === value}
              disabled={readOnly}
              onChange={() => setResponsibility(doc, row.id, value)}
            />
            <span>{t(`responsibility.${value}`)}</span>
          </label>
        ))}
      </div>
      {row.responsibility === "Shared" && (
        <select
          className="lead-select"
          tabIndex={-1}
          aria-label={t("grid.leadFor", { title })}
          value={row.lead ?? "Joint"}
          disabled={readOnly}
          onChange={(event) => setResponsibility(doc, row.id, "Shared", event.target.value as Lead)}
        >
          {LEADS.map((lead) => (
            <option key={lead} value={lead}>
              {t(`lead.${lead}`)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
