/** I18N-5: a French file gives library instruments their official French title; ids and re-import unchanged. */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { importCsv } from "../import/csv";
import { exportCsv } from "./csv";
import { renderMarkdown } from "./markdown";
import { sampleSnapshot } from "../../tests/fixtures/sample-snapshot";
import type { MatrixSnapshot, SnapshotInstrument } from "../../core/matrix-snapshot";

const nis2: SnapshotInstrument = {
  id: "eu-nis2-directive",
  name: "NIS2 Directive",
  owner: "EU",
  kind: "directive",
  year: 2022,
  reference: "Directive (EU) 2022/2555",
  custom: false,
};
// A library id whose name the version holds differently (renamed since): it keeps the name it was published with.
const renamed: SnapshotInstrument = { ...nis2, id: "eu-democracy-action-plan", name: "Democracy plan (2020 text)" };
const noFrench: SnapshotInstrument = {
  ...nis2,
  id: "hybrid-coe",
  name: "European Centre of Excellence for Countering Hybrid Threats (Hybrid CoE)",
};

function snapshotWith(instruments: SnapshotInstrument[]): MatrixSnapshot {
  const base = sampleSnapshot({ rows: 1 });
  return {
    ...base,
    instruments,
    rows: [{ ...base.rows[0], instrumentIds: instruments.map((i) => i.id) }],
  };
}

describe("instrument titles in exports", () => {
  it("I18N-5 a French CSV and Markdown name a library instrument by its official French title, and the CSV imports back", async () => {
    const snapshot = snapshotWith([nis2, renamed, noFrench]);
    const csv = exportCsv(snapshot, "fr");
    const records: string[][] = parse(csv.body, { bom: true, relax_column_count: true });
    const cell = records.find((record) => record[0] === snapshot.rows[0].title)![4];
    expect(cell).toContain("Directive SRI 2 [eu-nis2-directive]");
    expect(cell).toContain("Democracy plan (2020 text) [eu-democracy-action-plan]");
    expect(cell).toContain("(Hybrid CoE) [hybrid-coe]");
    expect(renderMarkdown(snapshot, "fr").text).toContain("Directive SRI 2");
    expect(renderMarkdown(snapshot, "en").text).not.toContain("Directive SRI 2");
    const back = await importCsv(csv.body, { instruments: [nis2, renamed, noFrench] });
    expect(back.errors).toEqual([]);
    expect([...(back.rows[0].value?.instrumentIds ?? [])].sort()).toEqual([nis2.id, renamed.id, noFrench.id].sort());
    expect(csv.fingerprint).toBe(exportCsv(snapshot, "en").fingerprint);
  });
});
