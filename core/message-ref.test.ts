import { describe, expect, it } from "vitest";
import { messageRef, parseMessageRef } from "./message-ref";

describe("message refs", () => {
  it("round-trips a key and its parameters", () => {
    const ref = messageRef("forms.tooLong", { max: 200, name: "a&b=c" });
    expect(parseMessageRef(ref)).toEqual({ key: "forms.tooLong", params: { max: "200", name: "a&b=c" } });
    expect(messageRef("forms.titleRequired")).toBe("forms.titleRequired");
  });

  it("does not mistake a sentence for a ref", () => {
    expect(parseMessageRef("Write something")).toBeNull();
    expect(parseMessageRef("Use at most 5000 characters.")).toBeNull();
    expect(() => messageRef("Write something")).toThrow();
  });
});
