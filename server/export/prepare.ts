/**
 * The common first step of every export: validate the snapshot (an export is
 * an official record, so bad data fails loudly instead of printing), compute
 * the fingerprint once, and number the reservation footnotes once so every
 * format uses the same numbers.
 */
import {
  MatrixSnapshotSchema,
  type DelegationPosition,
  type MatrixSnapshot,
  type SnapshotInstrument,
} from "../../core/matrix-snapshot";
import { containsBidiControls, showBidiControlsDeep } from "./bidi";
import type { Locale } from "../../core/locale";
import { fingerprintOf } from "./fingerprint";
import { exportLabels, type ExportLabels } from "./labels";
import { DEFAULT_MARKING } from "../../core/markings";
import { snapshotInLanguage } from "../versions/snapshot-language";

export interface Footnote {
  number: number;
  rowId: string;
  rowIndex: number;
  rowTitle: string;
  position: DelegationPosition;
}

export interface PreparedExport {
  snapshot: MatrixSnapshot;
  fingerprint: string;
  isDraft: boolean;
  instrumentsById: Map<string, SnapshotInstrument>;
  /** Positions with a reservation text or objection reason, numbered from 1 in row order. */
  footnotes: Footnote[];
  footnotesByRow: Map<string, Footnote[]>;
  /** 1-based numbers of the rows whose text held bidirectional controls (shown as ⟨U+…⟩ unless kept). */
  bidiRows: number[];
  /** The board's own title or version text held controls. */
  bidiInHeader: boolean;
  /** The words of the file, in the language the person chose (labels.ts). */
  labels: ExportLabels;
  /** The marking printed on every page, sheet and file (MARK-5); PUBLIC for versions made before markings. */
  marking: string;
}

/**
 * `keepControls`: the JSON export keeps the stored text exactly; the formats
 * people read get bidirectional controls made visible (bidi.ts). The
 * fingerprint is always that of the stored snapshot. `locale`: the language of the file's words.
 */
export function prepareExport(
  input: MatrixSnapshot,
  options: { keepControls?: boolean; locale?: Locale } = {},
): PreparedExport {
  const stored = MatrixSnapshotSchema.parse(input);
  const shown = options.keepControls ? stored : showBidiControlsDeep(stored);
  const snapshot = options.locale ? snapshotInLanguage(options.locale, shown) : shown;
  const footnotes: Footnote[] = [];
  const footnotesByRow = new Map<string, Footnote[]>();
  snapshot.rows.forEach((row, rowIndex) => {
    for (const position of row.positions) {
      if (position.text === null || position.text === "") continue;
      const note = { number: footnotes.length + 1, rowId: row.id, rowIndex, rowTitle: row.title, position };
      footnotes.push(note);
      footnotesByRow.set(row.id, [...(footnotesByRow.get(row.id) ?? []), note]);
    }
  });
  return {
    snapshot,
    fingerprint: fingerprintOf(stored),
    isDraft: snapshot.version === null,
    instrumentsById: new Map(snapshot.instruments.map((instrument) => [instrument.id, instrument])),
    footnotes,
    footnotesByRow,
    bidiRows: stored.rows.flatMap((row, index) => (containsBidiControls(row) ? [index + 1] : [])),
    bidiInHeader: containsBidiControls([stored.board, stored.version, stored.instruments, stored.delegationsPresent]),
    labels: exportLabels(options.locale),
    marking: stored.marking ?? DEFAULT_MARKING,
  };
}

/** What every exporter returns: ready to send as an HTTP response body. */
export interface ExportFile {
  body: Buffer;
  contentType: string;
  extension: string;
  fingerprint: string;
}
