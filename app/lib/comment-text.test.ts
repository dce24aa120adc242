import { describe, expect, it } from "vitest";
import { commentLines, linkifyLine, safeHref } from "./comment-text";

describe("comment text", () => {
  it("splits lines and keeps plain text as text", () => {
    expect(commentLines("one\ntwo\r\nthree")).toEqual([
      [{ kind: "text", text: "one" }],
      [{ kind: "text", text: "two" }],
      [{ kind: "text", text: "three" }],
    ]);
    expect(commentLines("a\n\nb")[1]).toEqual([]);
  });

  it("links http and https URLs, leaving sentence punctuation outside", () => {
    expect(linkifyLine("See https://www.nato.int/cps/en/natohq/topics_78170.htm.")).toEqual([
      { kind: "text", text: "See " },
      {
        kind: "link",
        text: "https://www.nato.int/cps/en/natohq/topics_78170.htm",
        href: "https://www.nato.int/cps/en/natohq/topics_78170.htm",
      },
      { kind: "text", text: "." },
    ]);
    expect(linkifyLine("(http://example.org/a)")).toEqual([
      { kind: "text", text: "(" },
      { kind: "link", text: "http://example.org/a", href: "http://example.org/a" },
      { kind: "text", text: ")" },
    ]);
    expect(linkifyLine("https://en.wikipedia.org/wiki/Foo_(bar), ok")[0]).toEqual({
      kind: "link",
      text: "https://en.wikipedia.org/wiki/Foo_(bar)",
      href: "https://en.wikipedia.org/wiki/Foo_(bar)",
    });
  });

  it("keeps markup as text", () => {
    expect(commentLines("<script>alert(1)</script> <b>x</b>")).toEqual([
      [{ kind: "text", text: "<script>alert(1)</script> <b>x</b>" }],
    ]);
    const segments = linkifyLine('https://example.org/"><script>alert(1)</script>');
    expect(segments[0]).toEqual({ kind: "link", text: "https://example.org/", href: "https://example.org/" });
    expect(segments[1]).toEqual({ kind: "text", text: '"><script>alert(1)</script>' });
  });

  it("does not link javascript:, data: or other schemes", () => {
    for (const body of [
      "javascript:alert(1)",
      "JavaScript://%0aalert(1)",
      "data:text/html,<script>alert(1)</script>",
      "ftp://example.org",
      "vbscript:msgbox",
    ]) {
      expect(linkifyLine(body)).toEqual([{ kind: "text", text: body }]);
    }
    expect(linkifyLine("javascript:http://example.org").every((s) => s.kind === "text")).toBe(true);
  });

  it("only accepts absolute http(s) hrefs", () => {
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("http://")).toBeNull();
    expect(safeHref("https://example.org/x?y=1#z")).toBe("https://example.org/x?y=1#z");
  });
});
