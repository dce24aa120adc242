import { describe, expect, it } from "vitest";
import { parseAccessMessage } from "./access-message";

describe("access message", () => {
  it("parses the server's role message", () => {
    expect(parseAccessMessage('{"role":"delegate","canWrite":true}')).toEqual({ role: "delegate", canWrite: true });
  });

  it("ignores malformed payloads", () => {
    expect(parseAccessMessage("not json")).toBeNull();
    expect(parseAccessMessage('{"role":"admin","canWrite":true}')).toBeNull();
    expect(parseAccessMessage('{"role":"observer"}')).toBeNull();
  });
});
