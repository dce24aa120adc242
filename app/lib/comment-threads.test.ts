import { describe, expect, it } from "vitest";
import type { CommentView } from "../../core/consensus-contract";
import { openThreads, threadsOf } from "./comment-threads";

let n = 0;
function comment(partial: Partial<CommentView>): CommentView {
  n += 1;
  return {
    id: `c${n}`,
    rowId: "r1",
    cell: null,
    parentId: null,
    authorId: "u1",
    authorName: "Anna",
    delegationCode: "DE",
    body: "text",
    createdAt: `2026-01-01T00:00:${String(n).padStart(2, "0")}Z`,
    editedAt: null,
    deleted: false,
    resolvedAt: null,
    mentionsMe: false,
    ...partial,
  };
}

describe("comment threads", () => {
  const a = comment({ id: "a" });
  const aReply = comment({ parentId: "a" });
  const aDeletedReply = comment({ parentId: "a", deleted: true, body: "" });
  const b = comment({ id: "b", rowId: "r2" });
  const resolved = comment({ id: "res", resolvedAt: "2026-01-02T00:00:00Z" });
  const deletedAlone = comment({ id: "gone", deleted: true, body: "" });
  const deletedWithReply = comment({ id: "dw", deleted: true, body: "" });
  const dwReply = comment({ parentId: "dw" });
  const mentioning = comment({ id: "m", rowId: "r3", mentionsMe: true });
  const all = [a, aReply, aDeletedReply, b, resolved, deletedAlone, deletedWithReply, dwReply, mentioning];

  it("groups replies under their root for one row, hiding deleted replies and empty deleted roots", () => {
    const threads = threadsOf(all, "r1");
    expect(threads.map((thread) => thread.root.id)).toEqual(["a", "res", "dw"]);
    expect(threads[0].replies.map((reply) => reply.id)).toEqual([aReply.id]);
  });

  it("lists the board's open threads, mentions of me first", () => {
    expect(openThreads(all).map((thread) => thread.root.id)).toEqual(["m", "b", "a"]);
  });
});
