/** The positions part of a row's panel: standing positions, my delegation's form, the history. */
import { useId } from "react";
import { t } from "~/i18n";
import type { RowConsensusView } from "../../../core/consensus-contract";
import { PositionForm } from "./position-form";
import { PositionHistory } from "./position-history";
import { PositionList } from "./position-list";

interface Props {
  view: RowConsensusView;
  title: string;
}

export function PositionsSection({ view, title }: Props) {
  const headingId = useId();
  return (
    <section className="panel-section" aria-labelledby={headingId} data-section="positions">
      <h3 id={headingId} tabIndex={-1}>
        {t("positions.heading")}
      </h3>
      <PositionList view={view} title={title} />
      <PositionForm view={view} title={title} />
      <PositionHistory view={view} title={title} />
    </section>
  );
}
