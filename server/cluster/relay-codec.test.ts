import { expect, it } from "vitest";
import { decodeRelay, encodeRelay } from "./relay-codec";

it("SCALE-1 relay frames round-trip binary payloads with their sequence number", () => {
  const data = new Uint8Array([0, 255, 7, 0]);
  expect(decodeRelay(encodeRelay("i1", { kind: "update", seq: 70_000, data }))).toEqual({
    origin: "i1",
    message: { kind: "update", seq: 70_000, data },
  });
  expect(decodeRelay(encodeRelay("i2", { kind: "awareness", data }))).toEqual({
    origin: "i2",
    message: { kind: "awareness", data },
  });
});
