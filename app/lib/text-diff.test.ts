import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyChange, diffText, transformPosition, transformSelection, type TextDelta } from "./text-diff";

describe("diffText", () => {
  it("returns null for equal strings", () => {
    expect(diffText("abc", "abc")).toBeNull();
  });

  it("finds an insertion, a deletion and a replacement", () => {
    expect(diffText("hello", "hello world")).toEqual({ index: 5, deleteCount: 0, insert: " world" });
    expect(diffText("hello world", "hello")).toEqual({ index: 5, deleteCount: 6, insert: "" });
    expect(diffText("the cat sat", "the dog sat")).toEqual({ index: 4, deleteCount: 3, insert: "dog" });
  });

  it("uses the caret to place an ambiguous insertion", () => {
    expect(diffText("aa", "aaa", 1)).toEqual({ index: 0, deleteCount: 0, insert: "a" });
    expect(diffText("aa", "aaa", 3)).toEqual({ index: 2, deleteCount: 0, insert: "a" });
    expect(diffText("abab", "ab", 0)).toEqual({ index: 0, deleteCount: 2, insert: "" });
  });

  it("never splits a surrogate pair", () => {
    const change = diffText("x😀y", "x😃y")!;
    expect(change).toEqual({ index: 1, deleteCount: 2, insert: "😃" });
  });

  it("round-trips random edits", () => {
    const samples: [string, string][] = [
      ["", "abc"],
      ["abc", ""],
      ["aaaa", "aa"],
      ["abcabc", "abcXabc"],
      ["Cyber attack", "Cyber-attacks"],
    ];
    for (const [before, after] of samples) {
      for (let caret = 0; caret <= after.length; caret++) {
        expect(applyChange(before, diffText(before, after, caret)!)).toBe(after);
      }
    }
  });

  it("merges two people's concurrent edits character by character", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText("t").insert(0, "Cyber attack");
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const edit = (doc: Y.Doc, after: string, caret: number) => {
      const text = doc.getText("t");
      const change = diffText(text.toString(), after, caret)!;
      doc.transact(() => {
        text.delete(change.index, change.deleteCount);
        text.insert(change.index, change.insert);
      });
    };
    edit(a, "Major cyber attack", 6);
    edit(b, "Cyber attacks", 13);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText("t").toString()).toBe("Major cyber attacks");
    expect(b.getText("t").toString()).toBe("Major cyber attacks");
  });
});

describe("transformPosition", () => {
  it("shifts for insertions before the caret, not at or after it", () => {
    expect(transformPosition(5, [{ retain: 2 }, { insert: "xyz" }])).toBe(8);
    expect(transformPosition(5, [{ retain: 5 }, { insert: "xyz" }])).toBe(5);
    expect(transformPosition(0, [{ insert: "xyz" }])).toBe(0);
    expect(transformPosition(5, [{ retain: 7 }, { insert: "x" }])).toBe(5);
  });

  it("pulls the caret back for deletions before it", () => {
    expect(transformPosition(5, [{ delete: 2 }])).toBe(3);
    expect(transformPosition(5, [{ retain: 5 }, { delete: 2 }])).toBe(5);
  });

  it("moves a caret inside a deleted range to its start", () => {
    expect(transformPosition(3, [{ retain: 1 }, { delete: 4 }])).toBe(1);
  });

  it("handles replacements", () => {
    expect(transformPosition(3, [{ insert: "ab" }, { delete: 2 }])).toBe(3);
    expect(transformPosition(3, [{ delete: 2 }, { insert: "ab" }])).toBe(3);
  });

  it("agrees with a real Y.Text event", () => {
    const doc = new Y.Doc();
    const text = doc.getText("t");
    text.insert(0, "hello world");
    let delta: TextDelta = [];
    text.observe((event) => (delta = event.delta as TextDelta));
    doc.transact(() => {
      text.delete(0, 5);
      text.insert(0, "goodbye");
    });
    // caret was after "world" (11): now after "goodbye world" (13)
    expect(transformPosition(11, delta)).toBe(13);
    expect(text.toString().slice(0, 13)).toBe("goodbye world");
  });
});

describe("transformSelection", () => {
  it("keeps start <= end", () => {
    expect(transformSelection({ start: 2, end: 6 }, [{ retain: 1 }, { delete: 10 }])).toEqual({ start: 1, end: 1 });
    expect(transformSelection({ start: 2, end: 6 }, [{ insert: "ab" }])).toEqual({ start: 4, end: 8 });
  });
});
