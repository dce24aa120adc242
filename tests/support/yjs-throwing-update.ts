/**
 * A real bit-flipped Yjs update that decodes but makes Yjs 13.6 throw while integrating it (COLLAB-18 fixture).
 *
 * How it was found (a throwaway search, not kept): a client with id 4242 adds one row (`addRow`, title
 * "flip-627073940") on top of a board; the encoded update (229 bytes) is bit-flipped with seededRandom(1)
 * (tests/support/collab-fuzz.ts, 1–3 flips per try, as the fuzz's "bit-flip" frames); the first decodable try
 * that the update validation then accepted and that made `Y.applyUpdate` throw was try 17, one flip: byte 37,
 * 0x00 → 0x04, which turns the parent of the row's `id` field from (4242, 0) — the row map, written just
 * before — into (4242, 4), a later change of the same client. Yjs checks dependencies on other clients only,
 * so it looks (4242, 4) up before integrating it and throws `TypeError: Cannot read properties of undefined
 * (reading 'id')` in the middle of the transaction. The same error poisoned a room in a PostgreSQL fuzz run
 * (seed 2), where one healthy edit was then missing.
 */
const THROWING_UPDATE_BASE64 =
  "AQuSIQAnAQRyb3dzE3JmODU2NDljNGUzNzExNWE0YTEBKACSIQQCaWQBdxNyZjg1NjQ5YzRlMzcxMTVhNGExKACSIQAIcG9zaXRpb24BfQInAJIhAAV0aXRsZQIEAJIhAw5mbGlwLTYyNzA3Mzk0MCcAkiEAC2Rlc2NyaXB0aW9uAicAkiEABW5vdGVzAigAkiEACGNhdGVnb3J5AXcFY3liZXIoAJIhAA5yZXNwb25zaWJpbGl0eQF3ClVuYXNzaWduZWQoAJIhAARsZWFkAXcAJwCSIQALaW5zdHJ1bWVudHMBAA==";

export const throwingUpdate = (): Uint8Array => new Uint8Array(Buffer.from(THROWING_UPDATE_BASE64, "base64"));
