import { describe, expect, it } from "vitest";
import { parseBoardEventMessage } from "./board-event-message";

describe("board event message", () => {
  it("parses the server's events", () => {
    expect(parseBoardEventMessage('{"kind":"comments","rowId":"r1"}')).toEqual({ kind: "comments", rowId: "r1" });
    expect(parseBoardEventMessage('{"kind":"row-locked","rowId":"r1"}')).toEqual({ kind: "row-locked", rowId: "r1" });
  });

  it("ignores malformed payloads", () => {
    expect(parseBoardEventMessage("nope")).toBeNull();
    expect(parseBoardEventMessage('{"kind":"explode"}')).toBeNull();
    expect(parseBoardEventMessage('{"kind":"comments","rowId":7}')).toBeNull();
  });
});
