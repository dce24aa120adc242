/** Third column: the instruments linked to a threat, and the picker to link more. */
import { useRef } from "react";
import { t } from "~/i18n";
import { linkInstrument, unlinkInstrument, type ThreatRow } from "../../../core/board-doc";
import { useBoard } from "./board-context";
import { InstrumentChip } from "./instrument-chip";
import { InstrumentPicker } from "./instrument-picker";

interface Props {
  row: ThreatRow;
  title: string;
}

export function InstrumentsCell({ row, title }: Props) {
  const { doc, instrumentsById, readOnly } = useBoard();
  const containerRef = useRef<HTMLDivElement>(null);
  const unlink = (instrumentId: string) => {
    const cell = containerRef.current?.closest<HTMLElement>("[role=gridcell]");
    unlinkInstrument(doc, row.id, instrumentId);
    // The focused × disappears with its chip: keep keyboard users in the cell.
    requestAnimationFrame(() => {
      if (!cell?.contains(document.activeElement)) cell?.focus();
    });
  };
  return (
    <div className="instruments" data-field="instruments" ref={containerRef}>
      {row.instrumentIds.length === 0 ? (
        <p className="muted instruments-none">{t("instruments.none")}</p>
      ) : (
        <ul className="chips" aria-label={t("instruments.listLabel", { title })}>
          {row.instrumentIds.map((id) => (
            <InstrumentChip
              key={id}
              instrumentId={id}
              instrument={instrumentsById.get(id)}
              onUnlink={readOnly ? null : unlink}
            />
          ))}
        </ul>
      )}
      {!readOnly && (
        <InstrumentPicker
          // Its open state and query belong to this row, not to the grid row it is shown in (GRID-16).
          key={row.id}
          title={title}
          linkedIds={row.instrumentIds}
          onLink={(instrumentId) => linkInstrument(doc, row.id, instrumentId)}
        />
      )}
    </div>
  );
}
