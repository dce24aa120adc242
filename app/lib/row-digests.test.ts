import { describe, expect, it } from "vitest";
import { appendRows, getRowText, setResponsibility, TEXT_FIELD_MAX } from "../../core/board-doc";
import { givenRowStore } from "../../tests/support/row-store-board";
import { responsibilitiesOf, sameResponsibilities, sameString, sameTitles, titlesOf, warningsKey } from "./row-digests";

describe("row digests (GRID-11)", () => {
  it("GRID-11 typing a title keeps the responsibilities digest the same object; a responsibility change does not", () => {
    const { doc, ids, store } = givenRowStore(3);
    const read = store.digest(responsibilitiesOf, sameResponsibilities);
    const before = read();
    getRowText(doc, ids[1], "title")!.insert(0, "x");
    expect(read()).toBe(before);
    setResponsibility(doc, ids[1], "EU");
    const after = read();
    expect(after).not.toBe(before);
    expect(after[1]).toEqual({ id: ids[1], responsibility: "EU" });
  });

  it("GRID-11 the warnings key changes only when a field passes its limit (and with its length then) or rows come and go", () => {
    const { doc, ids, store } = givenRowStore(2);
    const read = store.digest(warningsKey, sameString);
    const before = read();
    const notes = getRowText(doc, ids[0], "notes")!;
    notes.insert(0, "short");
    expect(read()).toBe(before);
    notes.insert(0, "n".repeat(TEXT_FIELD_MAX.notes));
    const over = read();
    expect(over).not.toBe(before);
    expect(over).toContain(`${ids[0]}:notes:${TEXT_FIELD_MAX.notes + 5}`);
    appendRows(doc, [{ title: "One more" }]);
    expect(read().startsWith("3|")).toBe(true);
  });

  it("GRID-11 the titles digest follows titles, not notes", () => {
    const { doc, ids, store } = givenRowStore(2);
    const read = store.digest(titlesOf, sameTitles);
    const before = read();
    getRowText(doc, ids[0], "notes")!.insert(0, "a note");
    expect(read()).toBe(before);
    getRowText(doc, ids[0], "title")!.insert(0, "x");
    expect(read()[0].title).toBe("xThreat 0");
  });
});
