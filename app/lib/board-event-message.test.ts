import { describe, expect, it } from "vitest";
import { changesConsensusData, parseBoardEventMessage } from "./board-event-message";

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

  it("reloads consensus data on comments, positions and workflow only", () => {
    expect(
      ["comments", "positions", "workflow", "versions", "row-locked"].map((kind) =>
        changesConsensusData({ kind } as never),
      ),
    ).toEqual([true, true, true, false, false]);
  });
});
