/**
 * Threat × instrument coverage: one row per threat, one column per instrument
 * linked at least once (grouped by owner), a linked cell filled with the
 * owner's colour. A real table (caption, column and row headers, text in each
 * cell), so a screen reader can walk it like any other table. Props only:
 * works for the live board (InstrumentInfo) and a version (SnapshotInstrument).
 */
import { useId, useMemo } from "react";
import { compareNames, t } from "~/i18n";
import type { ThreatRow } from "../../../core/board-doc";
import { INSTRUMENT_OWNERS, type InstrumentOwner } from "../../../core/services";

interface HeatmapInstrument {
  id: string;
  name: string;
  owner: InstrumentOwner;
}

interface Props {
  rows: readonly Pick<ThreatRow, "id" | "title" | "instrumentIds">[];
  instruments: readonly HeatmapInstrument[];
  /** Visible heading (default "Coverage: threats × instruments"). */
  heading?: string;
}

const OWNER_ORDER = new Map<InstrumentOwner, number>(INSTRUMENT_OWNERS.map((owner, index) => [owner, index]));

/** Instruments linked at least once, by owner then name; ids the board does not know are left out. */
function heatmapColumns(rows: Props["rows"], instruments: Props["instruments"]): HeatmapInstrument[] {
  const linked = new Set(rows.flatMap((row) => row.instrumentIds));
  return instruments
    .filter((instrument) => linked.has(instrument.id))
    .sort((a, b) => (OWNER_ORDER.get(a.owner) ?? 9) - (OWNER_ORDER.get(b.owner) ?? 9) || compareNames(a.name, b.name));
}

export function CoverageHeatmap({ rows, instruments, heading }: Props) {
  const headingId = useId();
  const columns = useMemo(() => heatmapColumns(rows, instruments), [rows, instruments]);
  const linkedSets = useMemo(() => rows.map((row) => new Set(row.instrumentIds)), [rows]);
  const owners = INSTRUMENT_OWNERS.filter((owner) => columns.some((column) => column.owner === owner));
  return (
    <section className="heatmap-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading ?? t("heatmap.heading")}</h2>
      {columns.length === 0 ? (
        <p className="muted">{t("heatmap.empty")}</p>
      ) : (
        <>
          <ul className="heatmap-legend" aria-label={t("heatmap.legend")}>
            {owners.map((owner) => (
              <li key={owner}>
                <span className={`swatch owner-fill-${owner}`} aria-hidden="true" /> {t(`owner.${owner}`)}
              </li>
            ))}
          </ul>
          <div className="heatmap-scroll" tabIndex={0} role="region" aria-label={t("heatmap.caption")}>
            <table className="heatmap" data-testid="coverage-heatmap">
              <caption className="visually-hidden">{t("heatmap.caption")}</caption>
              <colgroup>
                <col />
              </colgroup>
              {owners.map((owner) => (
                <colgroup key={owner} span={columns.filter((column) => column.owner === owner).length} />
              ))}
              <thead>
                {/* The owner of each group of columns in words, so the fill colour is never the only clue. */}
                <tr className="heatmap-owners">
                  <td className="heatmap-corner-owners" />
                  {owners.map((owner) => (
                    <th
                      key={owner}
                      scope="colgroup"
                      colSpan={columns.filter((column) => column.owner === owner).length}
                      className={`heatmap-owner owner-${owner}`}
                    >
                      {t(`owner.${owner}`)}
                    </th>
                  ))}
                </tr>
                <tr>
                  <th scope="col" className="heatmap-corner">
                    {t("heatmap.threat")}
                  </th>
                  {columns.map((instrument) => (
                    <th key={instrument.id} scope="col" className="heatmap-col" title={instrument.name}>
                      <span className="heatmap-col-label">{instrument.name}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={row.id}>
                    <th scope="row" className="heatmap-row">
                      {row.title || t("board.untitled", { n: index + 1 })}
                    </th>
                    {columns.map((instrument) =>
                      linkedSets[index].has(instrument.id) ? (
                        <td
                          key={instrument.id}
                          className={`heatmap-cell owner-fill-${instrument.owner}`}
                          title={t("heatmap.cellTitle", {
                            threat: row.title || t("board.untitled", { n: index + 1 }),
                            instrument: instrument.name,
                          })}
                        >
                          <span className="visually-hidden">
                            {t("heatmap.linked", { owner: t(`owner.${instrument.owner}`) })}
                          </span>
                        </td>
                      ) : (
                        <td key={instrument.id} className="heatmap-cell">
                          <span className="visually-hidden">{t("heatmap.notLinked")}</span>
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("heatmap.total")}</th>
                  {columns.map((instrument) => (
                    <td key={instrument.id} className="heatmap-count">
                      {linkedSets.filter((set) => set.has(instrument.id)).length}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
