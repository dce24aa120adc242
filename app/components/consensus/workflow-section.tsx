/** The agreement part of a row's panel: state in words, who broke silence last, and the chair's controls. */
import { useId } from "react";
import { t } from "~/i18n";
import type { RowConsensusView } from "../../../core/consensus-contract";
import { consensusLabel, silenceAgreementLabel, workflowLabel } from "~/lib/consensus-labels";
import { LockIcon } from "../icons";
import { useConsensus } from "./consensus-context";
import { ProposeForm } from "./propose-form";
import { SilenceCountdown } from "./silence-countdown";
import { WorkflowActions } from "./workflow-actions";
import { OrganisationStates } from "./organisation-states";
import { useRowBrackets } from "../brackets/use-row-brackets";

interface Props {
  view: RowConsensusView;
  title: string;
}

export function WorkflowSection({ view, title }: Props) {
  const { data, isChair, nameOf, formatTime } = useConsensus();
  const headingId = useId();
  const { workflow } = view;
  const bracketed = useRowBrackets(view.rowId).length > 0;
  return (
    <section
      className="panel-section"
      aria-labelledby={headingId}
      data-section="workflow"
      data-testid="workflow-section"
      data-workflow={workflow.state}
    >
      <h3 id={headingId} tabIndex={-1}>
        {t("workflow.heading")}
      </h3>
      <p className="workflow-state">
        <strong data-testid="panel-workflow">
          {workflow.state === "agreed" && <LockIcon />}{" "}
          {silenceAgreementLabel(view, nameOf) ?? workflowLabel(workflow, formatTime)}
        </strong>
        {!silenceAgreementLabel(view, nameOf) && (
          <>
            {" · "}
            <span data-testid="panel-consensus">{consensusLabel(view.consensus, nameOf)}</span>
          </>
        )}
      </p>
      {data?.consensus.forum === "joint" && <OrganisationStates organisations={view.organisations} />}
      {workflow.state === "proposed" && workflow.silenceDeadline && (
        <p className="small">
          <SilenceCountdown deadline={workflow.silenceDeadline} />
        </p>
      )}
      {bracketed && (
        <p className="small" data-testid="bracket-blocked">
          {t("brackets.blocked")}
        </p>
      )}
      {workflow.state === "agreed" && <p className="locked-note">{t("workflow.lockedNote")}</p>}
      {workflow.state === "proposed" && workflow.proposedAt && (
        <p className="muted small">{t("workflow.proposedAt", { time: formatTime(workflow.proposedAt) })}</p>
      )}
      {workflow.state === "agreed" && workflow.agreedAt && (
        <p className="muted small">{t("workflow.agreedAt", { time: formatTime(workflow.agreedAt) })}</p>
      )}
      {workflow.brokenByDelegation && (
        <p className="small" data-testid="silence-broken-by">
          {t("workflow.brokenBy", { name: nameOf(workflow.brokenByDelegation) })}
        </p>
      )}
      {isChair && (
        <div className="workflow-controls" data-testid="workflow-controls">
          {workflow.state !== "agreed" && <ProposeForm rowId={view.rowId} title={title} />}
          <WorkflowActions view={view} title={title} />
        </div>
      )}
    </section>
  );
}
