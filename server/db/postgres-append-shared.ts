/**
 * What the main thread and the append thread (postgres-append-worker.ts) agree on: the messages, and the shared
 * memory where the thread writes each append's outcome the moment PostgreSQL answers (COLLAB-47).
 */

/** Index in the shared Int32Array of the count of appends answered so far; slot s's state is at s + 1. */
const ANSWERED = 0;
/** A slot's state once its append is committed and its first sequence number written. */
const DONE = 1;
/** The first sequence number written for an append whose board does not exist (nothing written). */
const BOARD_GONE = -1;

export interface AppendWorkerData {
  connectionString: string;
  poolSize: number;
  /** The named group-commit statement (prepared once per connection of the thread's pool). */
  statement: { name: string; text: string };
  /** Int32Array: answered count, then one state per slot. */
  states: SharedArrayBuffer;
  /** Float64Array: one first sequence number per slot. */
  firsts: SharedArrayBuffer;
}

export interface AppendJob {
  id: number;
  /** Where to write the outcome in shared memory; -1 when every slot is taken (the reply alone says it). */
  slot: number;
  values: [string, number, Buffer[], (string | null)[]];
}

/** An append's outcome, or "ready" once the thread's first connection is open. */
export type AppendReply =
  "ready" | { id: number; first: number | null } | { id: number; error: { message: string; code?: string } };

/** Views of the shared memory of `slots` appends. */
export class AppendOutcomes {
  private readonly state: Int32Array;
  private readonly first: Float64Array;

  constructor(memory: Pick<AppendWorkerData, "states" | "firsts">) {
    this.state = new Int32Array(memory.states);
    this.first = new Float64Array(memory.firsts);
  }

  static allocate(slots: number): Pick<AppendWorkerData, "states" | "firsts"> {
    return { states: new SharedArrayBuffer(4 * (slots + 1)), firsts: new SharedArrayBuffer(8 * slots) };
  }

  /** The thread: the append in `slot` committed (null: its board does not exist). */
  write(slot: number, first: number | null): void {
    this.first[slot] = first ?? BOARD_GONE;
    // Atomic store after the plain write: a reader that sees DONE sees the number.
    Atomics.store(this.state, slot + 1, DONE);
    Atomics.add(this.state, ANSWERED, 1);
  }

  /** The main thread, before reusing `slot` for a new append. */
  clear(slot: number): void {
    Atomics.store(this.state, slot + 1, 0);
  }

  /** How many appends the thread has answered in shared memory so far. */
  answered(): number {
    return Atomics.load(this.state, ANSWERED);
  }

  /** The outcome written in `slot`, or undefined while its append is unanswered. */
  read(slot: number): number | null | undefined {
    if (Atomics.load(this.state, slot + 1) !== DONE) return undefined;
    const first = this.first[slot];
    return first === BOARD_GONE ? null : first;
  }
}
