/**
 * A forced garbage collection for heap checks (COLLAB-22), without a CLI flag: vitest workers do not start
 * with --expose-gc, and a heap check that silently skipped when `gc` is missing could never fail. V8 accepts
 * the flag at run time; a fresh context then exposes `gc`. Throws if it does not.
 */
import v8 from "node:v8";
import vm from "node:vm";

export function exposeGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === "function") return existing;
  v8.setFlagsFromString("--expose-gc");
  const gc: unknown = vm.runInNewContext("gc");
  if (typeof gc !== "function") throw new Error("cannot force a garbage collection (--expose-gc unavailable)");
  return gc as () => void;
}

/** Heap in use once everything unreachable is collected (a few rounds: finalizers and weak maps free in waves). */
export async function settledHeapUsed(gc: () => void): Promise<number> {
  for (let round = 0; round < 4; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  return process.memoryUsage().heapUsed;
}
