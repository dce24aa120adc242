/** On a joint board, the consensus of each organisation over the rows it decides, side by side (decision 018). */
import { useId } from "react";
import { t } from "~/i18n";
import { organisationLabel } from "~/lib/forum-labels";
import { countByOrganisation } from "~/lib/organisation-counts";
import { useConsensusOptional } from "./consensus-context";

export function OrganisationSummary({ rows }: { rows: readonly { id: string; responsibility: string }[] }) {
  const headingId = useId();
  const consensus = useConsensusOptional();
  if (!consensus?.data || consensus.data.consensus.forum !== "joint") return null;
  const counts = countByOrganisation(rows, consensus.data.consensus);
  return (
    <section className="summary organisation-summary" aria-labelledby={headingId} data-testid="organisation-summary">
      <h2 id={headingId} className="small">
        {t("forums.summaryHeading")}
      </h2>
      <table className="table organisation-table">
        <thead>
          <tr>
            <th scope="col">{t("forums.summaryOrganisation")}</th>
            <th scope="col">{t("forums.summaryRows")}</th>
            <th scope="col">{t("forums.summaryConsensus")}</th>
            <th scope="col">{t("forums.summaryBlocked")}</th>
            <th scope="col">{t("forums.summaryPending")}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((entry) => (
            <tr key={entry.organisation} data-organisation={entry.organisation}>
              <th scope="row">{organisationLabel(entry.organisation)}</th>
              <td data-testid="organisation-rows">{entry.rows}</td>
              <td data-testid="organisation-consensus">{entry.consensus}</td>
              <td data-testid="organisation-blocked">{entry.blocked}</td>
              <td data-testid="organisation-pending">{entry.pending}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
