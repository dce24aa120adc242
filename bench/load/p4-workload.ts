/**
 * P4's workload and its baseline, shared by the load generator (which sends the frames) and the server
 * process (which rates raw Yjs on the same core as the server, right after the push it is compared with).
 */
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import { addRow, getRowText } from "../../core/board-doc";

/** Frames of one writer: its row, then `count` keystrokes into that row's notes (as a client would send them). */
export function writerFrames(count: number): { updates: Uint8Array[]; frames: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const rowId = addRow(doc, { title: "Writer" });
  const notes = getRowText(doc, rowId, "notes")!;
  for (let k = 0; k < count; k++) notes.insert(notes.length, "x");
  const frames = updates.map((update) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, update);
    return encoding.toUint8Array(encoder);
  });
  return { updates, frames };
}

/** CPU time (µs) of this process so far. */
const ownCpuMicros = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

/**
 * Raw Yjs: apply each update of `writers` × (`each` + 1) to one document and encode its broadcast frame, in
 * this process, interleaved as the server receives them. Rated by the CPU time it took (a busy machine
 * stretches the wall clock, not the work). One pass is a few tens of ms of CPU, so a single one is at the
 * mercy of a GC or a context switch: the median of `passes` is returned.
 */
export function rawApplyEncodePerCpuSecond(writers: number, each: number, passes = 5): number {
  const streams = Array.from({ length: writers }, () => writerFrames(each).updates);
  const updates: Uint8Array[] = [];
  for (let k = 0; k <= each; k++) for (const stream of streams) updates.push(stream[k]);
  const rates: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const doc = new Y.Doc();
    const started = ownCpuMicros();
    for (const update of updates) {
      Y.applyUpdate(doc, update);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint8Array(encoder, update);
      encoding.toUint8Array(encoder);
    }
    rates.push(updates.length / ((ownCpuMicros() - started) / 1e6));
    doc.destroy();
  }
  return rates.sort((a, b) => a - b)[Math.floor(passes / 2)];
}
