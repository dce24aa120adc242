/** The side panel of one threat: agreement, national positions, comments. */
import { t } from "~/i18n";
import { rowConsensus } from "~/lib/consensus-labels";
import { CommentsSection } from "./comments-section";
import { useConsensus, type RowPanelSection } from "./consensus-context";
import { PositionsSection } from "./positions-section";
import { SidePanel } from "./side-panel";
import { WorkflowSection } from "./workflow-section";
import { BracketsSection } from "../brackets/brackets-section";
import type { ThreatRow } from "../../../core/board-doc";

interface Props {
  rowId: string;
  title: string;
  section: RowPanelSection;
  /** Picks the organisations a row nobody has spoken on needs, on a joint board. */
  responsibility?: string;
  /** The live row (its current values are the first side of its brackets). */
  row: ThreatRow | null;
  onClose: () => void;
}

const FOCUS: Partial<Record<RowPanelSection, string>> = {
  comments: '[data-section="comments"] h3',
  brackets: '[data-section="brackets"] h3',
};
const RETURN_TO: Record<RowPanelSection, string> = {
  positions: "row-status-button",
  comments: "row-comments-button",
  brackets: "bracket-responsibility",
};

export function RowPanel({ rowId, title, section, responsibility, row, onClose }: Props) {
  const { data } = useConsensus();
  const view = data ? rowConsensus(data.consensus, rowId, responsibility) : null;
  return (
    <SidePanel
      heading={t("workflow.panelLabel", { title })}
      onClose={onClose}
      closeLabel={t("workflow.closePanelFor", { title })}
      initialFocus={FOCUS[section]}
      returnFocusTo={`[data-row-id=${JSON.stringify(rowId)}] [data-testid="${RETURN_TO[section]}"]`}
      className="row-panel"
      data-testid="row-panel"
    >
      {view ? (
        <>
          <WorkflowSection view={view} title={title} />
          {row && <BracketsSection row={row} title={title} />}
          <PositionsSection view={view} title={title} />
          <CommentsSection rowId={rowId} title={title} />
        </>
      ) : (
        <p className="muted">{t("workflow.loading")}</p>
      )}
    </SidePanel>
  );
}
