import { describe, expect, it } from "vitest";
import { SaveTracker } from "./save-tracker";

const step1 = new Uint8Array([0, 0, 0]);
const step2 = new Uint8Array([0, 1, 2, 0, 0]);
const update = new Uint8Array([0, 2, 2, 0, 0]);
const awareness = new Uint8Array([1, 1, 0]);

describe("SaveTracker", () => {
  it("COLLAB-23 an edit is unsaved until an acknowledgement covers the frame that carried it", () => {
    const tracker = new SaveTracker();
    tracker.socketOpened();
    tracker.frameSent(step1);
    tracker.frameSent(step2); // frame 1
    tracker.frameSent(awareness);
    tracker.frameSent(update); // frame 2
    tracker.localEdit();
    tracker.frameSent(update); // frame 3
    tracker.localEdit();
    expect(tracker.unsavedCount).toBe(2);
    tracker.acknowledged(2);
    expect(tracker.unsavedCount).toBe(1);
    tracker.acknowledged(3);
    expect(tracker.unsavedCount).toBe(0);
  });

  it("COLLAB-23 edits made offline or unacknowledged when the socket dropped are carried by the next sync step 2", () => {
    const tracker = new SaveTracker();
    tracker.socketOpened();
    tracker.frameSent(step2); // frame 1
    tracker.frameSent(update); // frame 2, never acknowledged: the socket drops
    tracker.localEdit();
    tracker.localEdit(); // offline: nothing sent
    expect(tracker.unsavedCount).toBe(2);
    tracker.socketOpened();
    tracker.acknowledged(5); // a late acknowledgement from nowhere covers nothing unsent
    expect(tracker.unsavedCount).toBe(2);
    tracker.frameSent(step2); // frame 1 of the new socket carries both
    tracker.frameSent(update); // frame 2
    tracker.localEdit();
    tracker.acknowledged(1);
    expect(tracker.unsavedCount).toBe(1);
    tracker.acknowledged(2);
    expect(tracker.unsavedCount).toBe(0);
  });

  it("COLLAB-27 restored and stored edits are released for deletion only once an acknowledgement covers them", () => {
    const tracker = new SaveTracker();
    tracker.restoredEdit("a"); // kept from the page before the reload
    tracker.socketOpened();
    expect(tracker.acknowledged(3)).toEqual([]); // nothing of this socket carried it yet
    tracker.frameSent(step2); // frame 1 carries the restored edit
    tracker.frameSent(update); // frame 2
    tracker.localEdit("b");
    tracker.frameSent(update); // frame 3
    tracker.localEdit(); // not stored: no key to release
    expect(tracker.unsavedCount).toBe(3);
    expect(tracker.acknowledged(1)).toEqual(["a"]);
    expect(tracker.acknowledged(3)).toEqual(["b"]);
    expect(tracker.unsavedCount).toBe(0);
  });
});
