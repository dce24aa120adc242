import { expect, it } from "vitest";
import { SequenceTracker } from "./sequence-tracker";

it("SCALE-2 finds a gap in out-of-order sequence numbers and closes it after a catch-up", () => {
  const tracker = new SequenceTracker(3);
  tracker.note(5);
  expect(tracker.watermark).toBe(3);
  expect(tracker.hasGap).toBe(true);
  tracker.note(4);
  expect(tracker.watermark).toBe(5);
  expect(tracker.hasGap).toBe(false);
  tracker.note(8);
  tracker.note(7);
  expect(tracker.hasGap).toBe(true);
  tracker.noteThrough(6);
  expect(tracker.watermark).toBe(8);
  expect(tracker.hasGap).toBe(false);
  tracker.note(2);
  expect(tracker.watermark).toBe(8);
});
