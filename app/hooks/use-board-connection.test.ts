import { describe, expect, it } from "vitest";
import { collabServerUrl } from "./use-board-connection";

describe("collabServerUrl", () => {
  it("uses the page's host and ws/wss by protocol; y-websocket then appends /<boardId>", () => {
    expect(collabServerUrl({ protocol: "http:", host: "localhost:3000" })).toBe("ws://localhost:3000/collab");
    expect(collabServerUrl({ protocol: "https:", host: "remit.example.org" })).toBe("wss://remit.example.org/collab");
  });
});
