/** On a joint board, each organisation's consensus on a row, side by side (decision 018). */
import { t } from "~/i18n";
import { consensusLabel } from "~/lib/consensus-labels";
import { organisationLabel } from "~/lib/forum-labels";
import type { OrganisationConsensus } from "../../../core/consensus";
import { useConsensus } from "./consensus-context";

export function OrganisationStates({ organisations }: { organisations: readonly OrganisationConsensus[] }) {
  const { nameOf } = useConsensus();
  if (organisations.length === 0) return null;
  return (
    <div className="organisation-states" data-testid="organisation-states">
      <p className="small muted">{t("forums.perOrganisation")}</p>
      <dl>
        {organisations.map(({ organisation, consensus }) => (
          <div
            key={organisation}
            className={`organisation-state consensus-${consensus.state}`}
            data-testid="organisation-state"
            data-organisation={organisation}
            data-state={consensus.state}
          >
            <dt>{organisationLabel(organisation)}</dt>
            <dd>{consensusLabel(consensus, nameOf)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
