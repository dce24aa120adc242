/** I18N-12: the sentences an export writes itself are in the file's language, French typography included. */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { exportCsv } from "./csv";
import { EXPORT_LABELS } from "./labels";
import { exportMarkdown } from "./markdown";
import { sampleSnapshot } from "../../tests/fixtures/sample-snapshot";
import type { MatrixSnapshot } from "../../core/matrix-snapshot";

const withControls = (): MatrixSnapshot => {
  const snapshot = sampleSnapshot({ rows: 3 });
  snapshot.rows[1].title = "Approved \u202Edevorppa\u202C";
  return snapshot;
};

describe("French words of the exports", () => {
  it("I18N-12 the bidirectional-controls warning is French in a French file (CSV and Markdown)", () => {
    const csv: string[][] = parse(exportCsv(withControls(), "fr").body, { bom: true, relax_column_count: true });
    expect(csv.find((record) => record[0] === "#remit:warning")?.[1]).toBe(
      "Attention\u00a0: la ligne 2 contient des caractères de contrôle bidirectionnels (texte qui peut s'afficher à l'envers), affichés sous la forme ⟨U+…⟩.",
    );
    const md = exportMarkdown(withControls(), "fr").body.toString("utf8");
    expect(md).toContain("Attention\u00a0: la ligne 2 contient");
    expect(md).not.toContain("Warning");
  });

  it("I18N-12 the warning agrees in number in both languages", () => {
    const { en, fr } = EXPORT_LABELS;
    expect(en.bidiWarning([2, 5], true)).toMatch(/^Warning: rows 2, 5 and the board or version details contain /);
    expect(fr.bidiWarning([2, 5], false)).toMatch(/^Attention\u00a0: les lignes 2, 5 contiennent /);
    expect(fr.bidiWarning([], true)).toMatch(
      /^Attention\u00a0: les informations du tableau ou de la version contiennent /,
    );
    expect(en.bidiWarning([], true)).toMatch(/^Warning: the board or version details contain /);
    expect(en.bidiWarning([4], false)).toMatch(/^Warning: row 4 contains /);
  });

  it("I18N-12 a French Markdown header puts a no-break space before its colons", () => {
    const md = exportMarkdown({ ...sampleSnapshot({ rows: 1 }), forum: "nato", membership: [] }, "fr").body.toString(
      "utf8",
    );
    expect(md).toMatch(/^Délégations présentes\u00a0: /m);
    expect(md).toMatch(/^Enceinte\u00a0: OTAN/m);
    expect(md).toMatch(/^Empreinte SHA-256\u00a0: `/m);
    expect(exportMarkdown(sampleSnapshot({ rows: 1 }), "en").body.toString("utf8")).toMatch(/^Delegations present: /m);
  });
});
