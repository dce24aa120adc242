/**
 * A row's agreement state in the grid, in words (workflow + consensus), a
 * comment-count button, and the lock note on agreed rows. Both buttons open
 * the row's side panel. Cell controls: tabIndex -1 (the grid's roving focus).
 */
import { t } from "~/i18n";
import { consensusLabel, rowConsensus, silenceAgreementLabel, workflowLabel } from "~/lib/consensus-labels";
import { CommentIcon, LockIcon } from "../icons";
import { useConsensusOptional } from "./consensus-context";
import { SilenceCountdown } from "./silence-countdown";

interface Props {
  rowId: string;
  title: string;
}

function commentsLabel(title: string, count: number): string {
  if (count === 0) return t("comments.buttonForNone", { title });
  return count === 1 ? t("comments.buttonForOne", { title }) : t("comments.buttonFor", { title, count });
}

export function RowStatus({ rowId, title }: Props) {
  const consensus = useConsensusOptional();
  if (!consensus?.data) return null;
  const { data, nameOf, formatTime, openRow } = consensus;
  const view = rowConsensus(data.consensus, rowId);
  const agreed = view.workflow.state === "agreed";
  const underSilence = silenceAgreementLabel(view, nameOf);
  const workflow = underSilence ?? workflowLabel(view.workflow, formatTime);
  const state = underSilence ? "" : consensusLabel(view.consensus, nameOf);
  const open = data.comments.openThreadsByRow[rowId] ?? 0;
  return (
    <div
      className="row-status"
      data-testid="row-status"
      data-workflow={view.workflow.state}
      data-consensus={view.consensus.state}
    >
      <button
        type="button"
        className={`status-chip workflow-${view.workflow.state} consensus-${view.consensus.state}`}
        tabIndex={-1}
        aria-label={t("workflow.statusFor", {
          title,
          status: underSilence ?? t("workflow.statusBoth", { workflow, consensus: state }),
        })}
        onClick={() => openRow(rowId, "positions")}
        data-testid="row-status-button"
      >
        <span className="status-workflow" data-testid="row-workflow">
          {agreed && <LockIcon />}
          {workflow}
        </span>{" "}
        {!underSilence && (
          <span className="status-consensus" data-testid="row-consensus">
            {state}
          </span>
        )}
        {view.workflow.state === "proposed" && view.workflow.silenceDeadline && (
          <SilenceCountdown deadline={view.workflow.silenceDeadline} />
        )}
      </button>
      <button
        type="button"
        className={`comment-count${open > 0 ? " comment-count-open" : ""}`}
        tabIndex={-1}
        aria-label={commentsLabel(title, open)}
        onClick={() => openRow(rowId, "comments")}
        data-testid="row-comments-button"
      >
        <CommentIcon />
        <span aria-hidden="true">{open}</span>
      </button>
      {agreed && (
        <p className="locked-note" data-testid="row-locked-note">
          {t("workflow.lockedNote")}
        </p>
      )}
    </div>
  );
}
