/**
 * Two snapshots side by side, one line per threat: added (green, right only),
 * removed (red, left only), changed (amber, the changed fields marked). Each
 * state is also written out, so colour is never the only signal.
 */
import { useState } from "react";
import { formatList, t } from "~/i18n";
import type { MatrixChange, MatrixChangeKind } from "../../../core/matrix-diff";
import type { MatrixSnapshot, SnapshotRow } from "../../../core/matrix-snapshot";
import { positionLabel } from "~/lib/version-labels";
import { bracketWords } from "~/lib/bracket-words";
import { BRACKET_FIELDS } from "../../../core/bracket-contract";
import { rowBracketText } from "../../../core/bracket-text";

interface Props {
  a: MatrixSnapshot;
  b: MatrixSnapshot;
  changes: readonly MatrixChange[];
  fromLabel: string;
  toLabel: string;
}

type Status = "added" | "removed" | "changed" | "unchanged";
interface Pair {
  id: string;
  before?: SnapshotRow;
  after?: SnapshotRow;
  status: Status;
  kinds: Set<MatrixChangeKind>;
}

const STATUS_KEYS = {
  added: "versionDiff.added",
  removed: "versionDiff.removed",
  changed: "versionDiff.changed",
  unchanged: "versionDiff.unchanged",
} as const;

/** Rows in b's order, then rows only in a (as diffSnapshots orders its changes). */
function pairRows(a: MatrixSnapshot, b: MatrixSnapshot, changes: readonly MatrixChange[]): Pair[] {
  const before = new Map(a.rows.map((row) => [row.id, row]));
  const inB = new Set(b.rows.map((row) => row.id));
  const kinds = new Map<string, Set<MatrixChangeKind>>();
  for (const change of changes) kinds.set(change.rowId, (kinds.get(change.rowId) ?? new Set()).add(change.kind));
  const pair = (id: string, x?: SnapshotRow, y?: SnapshotRow): Pair => {
    const rowKinds = kinds.get(id) ?? new Set<MatrixChangeKind>();
    const status: Status = !x ? "added" : !y ? "removed" : rowKinds.size > 0 ? "changed" : "unchanged";
    return { id, before: x, after: y, status, kinds: rowKinds };
  };
  return [
    ...b.rows.map((row) => pair(row.id, before.get(row.id), row)),
    ...a.rows.filter((row) => !inB.has(row.id)).map((row) => pair(row.id, row)),
  ];
}

function RowCell({
  row,
  snapshot,
  kinds,
}: {
  row?: SnapshotRow;
  snapshot: MatrixSnapshot;
  kinds: Set<MatrixChangeKind>;
}) {
  if (!row) return <td className="diff-absent muted">{t("versionDiff.absent")}</td>;
  const names = new Map(snapshot.instruments.map((instrument) => [instrument.id, instrument.name]));
  const changed = (...changedKinds: MatrixChangeKind[]) => changedKinds.some((kind) => kinds.has(kind));
  const mark = (...changedKinds: MatrixChangeKind[]) => (changed(...changedKinds) ? "diff-field-changed" : undefined);
  // Colour marks the changed field; this says it in words too.
  const changedMark = (...changedKinds: MatrixChangeKind[]) =>
    changed(...changedKinds) && <span className="diff-changed-mark">{t("versionDiff.fieldChanged")}</span>;
  const responsibility = t(`responsibility.${row.responsibility}`);
  return (
    <td>
      <strong className={mark("title-changed")}>{row.title}</strong>
      {changedMark("title-changed")}
      <div className={mark("responsibility-changed", "lead-changed")}>
        {row.lead
          ? t("versionDiff.responsibilityLead", { responsibility, lead: t(`lead.${row.lead}`) })
          : responsibility}
        {changedMark("responsibility-changed", "lead-changed")}
      </div>
      {BRACKET_FIELDS.some((field) => rowBracketText(row, field)) && (
        <div className={mark("brackets-changed")} data-testid="diff-brackets">
          {t("brackets.inBrackets")}{" "}
          {BRACKET_FIELDS.map((field) => rowBracketText(row, field, bracketWords()))
            .filter(Boolean)
            .join(" · ")}
          {changedMark("brackets-changed")}
        </div>
      )}
      <div className={mark("instrument-linked", "instrument-unlinked")}>
        {/* A list, not a joined string: instrument names contain commas. */}
        {row.instrumentIds.length > 0 ? (
          <ul className="plain-list">
            {row.instrumentIds.map((id) => (
              <li key={id}>{names.get(id) ?? id}</li>
            ))}
          </ul>
        ) : (
          t("instruments.none")
        )}
        {changedMark("instrument-linked", "instrument-unlinked")}
      </div>
      {row.positions.length > 0 && (
        <div className={mark("position-changed")}>
          {formatList(
            row.positions.map((p) =>
              t("versionView.positionEntry", { delegation: p.delegation, position: positionLabel(p.position) }),
            ),
          )}
          {changedMark("position-changed")}
        </div>
      )}
    </td>
  );
}

export function DiffView({ a, b, changes, fromLabel, toLabel }: Props) {
  const [showUnchanged, setShowUnchanged] = useState(false);
  const pairs = pairRows(a, b, changes).filter((pair) => showUnchanged || pair.status !== "unchanged");
  return (
    <section aria-labelledby="side-by-side-heading">
      <h2 id="side-by-side-heading">{t("versionDiff.sideBySide")}</h2>
      <p className="hint">{t("versionDiff.legend")}</p>
      <label className="inline-check">
        <input type="checkbox" checked={showUnchanged} onChange={(event) => setShowUnchanged(event.target.checked)} />{" "}
        {t("versionDiff.showUnchanged")}
      </label>
      <div className="table-scroll">
        <table className="diff-table" data-testid="diff-table">
          <thead>
            <tr>
              <th scope="col">{t("versionDiff.colBefore", { label: fromLabel })}</th>
              <th scope="col">{t("versionDiff.colAfter", { label: toLabel })}</th>
              <th scope="col">
                <span className="visually-hidden">{t("versionDiff.changed")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((pair) => (
              <tr
                key={pair.id}
                className={`diff-row diff-${pair.status}`}
                data-row-id={pair.id}
                data-status={pair.status}
              >
                <RowCell row={pair.before} snapshot={a} kinds={pair.kinds} />
                <RowCell row={pair.after} snapshot={b} kinds={pair.kinds} />
                <td className="diff-status">{t(STATUS_KEYS[pair.status])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
