/**
 * Checks a client's Yjs update before it reaches the room's document: it must
 * decode, and it may only create content under the board's root types. A
 * rejected update never touches the document or the database.
 */
import * as Y from "yjs";
import { ROOT_TYPE_NAMES } from "../../core/board-doc";

const allowedRoots: ReadonlySet<string> = new Set(ROOT_TYPE_NAMES);

export type UpdateCheck = { ok: true } | { ok: false; reason: string };

export function checkUpdate(update: Uint8Array): UpdateCheck {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return { ok: false, reason: "update does not decode" };
  }
  for (const struct of decoded.structs) {
    // Items carry their parent's name only when they start a root type's
    // content; items with an origin inherit the parent, which was checked
    // when that origin was accepted.
    if (struct instanceof Y.Item && typeof struct.parent === "string" && !allowedRoots.has(struct.parent)) {
      return { ok: false, reason: `update writes unknown root type "${struct.parent}"` };
    }
  }
  return { ok: true };
}
