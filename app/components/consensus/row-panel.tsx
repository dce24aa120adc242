/** The side panel of one threat: agreement, national positions, comments. */
import { t } from "~/i18n";
import { rowConsensus } from "~/lib/consensus-labels";
import { CommentsSection } from "./comments-section";
import { useConsensus, type RowPanelSection } from "./consensus-context";
import { PositionsSection } from "./positions-section";
import { SidePanel } from "./side-panel";
import { WorkflowSection } from "./workflow-section";

interface Props {
  rowId: string;
  title: string;
  section: RowPanelSection;
  /** Picks the organisations a row nobody has spoken on needs, on a joint board. */
  responsibility?: string;
  onClose: () => void;
}

export function RowPanel({ rowId, title, section, responsibility, onClose }: Props) {
  const { data } = useConsensus();
  const view = data ? rowConsensus(data.consensus, rowId, responsibility) : null;
  return (
    <SidePanel
      heading={t("workflow.panelLabel", { title })}
      onClose={onClose}
      closeLabel={t("workflow.closePanelFor", { title })}
      initialFocus={section === "comments" ? '[data-section="comments"] h3' : undefined}
      returnFocusTo={`[data-row-id=${JSON.stringify(rowId)}] [data-testid="${section === "comments" ? "row-comments-button" : "row-status-button"}"]`}
      className="row-panel"
      data-testid="row-panel"
    >
      {view ? (
        <>
          <WorkflowSection view={view} title={title} />
          <PositionsSection view={view} title={title} />
          <CommentsSection rowId={rowId} title={title} />
        </>
      ) : (
        <p className="muted">{t("workflow.loading")}</p>
      )}
    </SidePanel>
  );
}
