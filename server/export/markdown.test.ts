import { describe, expect, it } from "vitest";
import { fingerprintSnapshot } from "./fingerprint";
import { escapeMarkdown, renderMarkdown } from "./markdown";
import { sampleSnapshot, trickySnapshot } from "../../tests/fixtures/sample-snapshot";

describe("Markdown export", () => {
  it("has a title block, the table, reservation footnotes and the fingerprint", () => {
    const snapshot = sampleSnapshot({ rows: 4 });
    const { text } = renderMarkdown(snapshot);
    expect(text).toMatch(/^\*\*PUBLIC\*\*\n\n# Hybrid threats — Łódź working group\n/);
    expect(text).toContain("**Version 3 — Spring plenary**");
    expect(text).toContain("Procedure: Consensus");
    expect(text).not.toContain("DRAFT");
    expect(text).toContain("| 3 | **Threat 3: disruption of infrastructure services**");
    expect(text).toContain("Object: TR [^1] [^2] |");
    expect(text).toContain(
      '[^1]: DK (Denmark), Reserve on row 3: Reason 2-1: scope, "wording" — recorded by Mette Ørsted, 2025-03-04 10:00 UTC',
    );
    expect(text).toContain(`SHA-256 fingerprint: \`${fingerprintSnapshot(snapshot)}\``);
  });

  it("shows a DRAFT banner for the live board", () => {
    expect(renderMarkdown(sampleSnapshot({ rows: 1, live: true })).text).toContain(
      "> **DRAFT — live board, not an agreed version.**",
    );
  });

  it("escapes markup typed into cells and keeps one table line per row", () => {
    expect(escapeMarkdown("a|b <img> [x](y)\nz", "<br>")).toBe("a\\|b \\<img\\> \\[x\\](y)<br>z");
    const { text } = renderMarkdown(trickySnapshot());
    const tableLines = text
      .split("## Matrix")[1]
      .split("\n")
      .filter((line) => /^\| \d+ \|/.test(line));
    expect(tableLines).toHaveLength(trickySnapshot().rows.length);
  });
});
