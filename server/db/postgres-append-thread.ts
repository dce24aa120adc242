/**
 * The main thread's side of the append thread (postgres-append-worker.ts, COLLAB-47): posts group commits to it
 * and settles each one either from the shared memory the thread writes the moment PostgreSQL answers (`poll`,
 * called between frames) or from the reply message (when the loop is idle), whichever comes first.
 *
 * The thread starts on `start()` (when the log is first read: a room loads before it writes) and closes its pool
 * after IDLE_CLOSE_MS without an append; it holds the process open only while appends are in flight. Until it is
 * `ready` (its first connection open), appends go to the main thread's pool: a thread that starts slowly (seconds
 * from source on a loaded machine) must not hold the first commits, and their acknowledgements, back. A thread that dies fails its appends (the persister retries
 * them) and the next append starts another.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import * as shared from "./postgres-append-shared";

/** Appends in flight that can be settled from shared memory; beyond, an append waits for its reply message. */
const SLOTS = 1024;
const IDLE_CLOSE_MS = 10_000;
/** Connections of the thread's pool (pg's default for a pool): group commits of every room share them. */
const POOL_SIZE = 10;

interface InFlight {
  slot: number;
  resolve(first: number | null): void;
  reject(error: Error): void;
}

/**
 * A compiled build puts the thread's entry next to this module's bundle. From source (tsx, vitest), the thread
 * imports the .ts entry through tsx's API: Node 20 does not apply `--import tsx` to a thread's own imports.
 */
function startWorker(workerData: shared.AppendWorkerData): Worker {
  const compiled = new URL("./postgres-append-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled, { workerData });
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api")).href;
  const source = new URL("./postgres-append-worker.ts", import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`;
  return new Worker(code, { eval: true, workerData });
}

function replyError(error: { message: string; code?: string }): Error {
  return Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
}

export class PostgresAppendThread {
  private worker: Worker | null = null;
  private readonly memory = shared.AppendOutcomes.allocate(SLOTS);
  private readonly outcomes = new shared.AppendOutcomes(this.memory);
  private readonly freeSlots = Array.from({ length: SLOTS }, (_, index) => SLOTS - 1 - index);
  private readonly inFlight = new Map<number, InFlight>();
  private nextId = 1;
  /** The thread's answered count at the last poll that looked at the slots. */
  private answered = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  /** The current thread has its first connection open. */
  ready = false;

  constructor(
    private readonly connectionString: string,
    private readonly statement: { name: string; text: string },
  ) {}

  /** Resolves with the first sequence number once committed, null when the board does not exist. */
  append(values: shared.AppendJob["values"]): Promise<number | null> {
    const worker = this.start();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.inFlight.size === 0) worker.ref();
    const id = this.nextId++;
    const slot = this.freeSlots.pop() ?? -1;
    if (slot >= 0) this.outcomes.clear(slot);
    return new Promise((resolve, reject) => {
      this.inFlight.set(id, { slot, resolve, reject });
      worker.postMessage({ id, slot, values } satisfies shared.AppendJob);
    });
  }

  /** Settles every append the thread has answered in shared memory (synchronous: one atomic read when none). */
  poll(): void {
    if (this.inFlight.size === 0) return;
    const answered = this.outcomes.answered();
    if (answered === this.answered) return;
    this.answered = answered;
    for (const [id, append] of this.inFlight) {
      const first = append.slot < 0 ? undefined : this.outcomes.read(append.slot);
      if (first !== undefined) this.settle(id, first);
    }
  }

  private settle(id: number, outcome: number | null | Error): void {
    const append = this.inFlight.get(id);
    if (!append) return; // settled already, from shared memory
    this.inFlight.delete(id);
    if (append.slot >= 0) this.freeSlots.push(append.slot);
    if (outcome instanceof Error) append.reject(outcome);
    else append.resolve(outcome);
    if (this.inFlight.size === 0 && this.worker) {
      this.worker.unref();
      const idle = this.worker;
      this.idleTimer = setTimeout(() => this.close(idle), IDLE_CLOSE_MS).unref();
    }
  }

  /** Starts the thread unless it runs. */
  start(): Worker {
    if (this.worker) return this.worker;
    this.ready = false;
    const workerData: shared.AppendWorkerData = {
      connectionString: this.connectionString,
      poolSize: POOL_SIZE,
      statement: this.statement,
      ...this.memory,
    };
    const worker = startWorker(workerData);
    worker.on("message", (reply: shared.AppendReply) => {
      if (reply === "ready") this.ready = this.worker === worker;
      else this.settle(reply.id, "error" in reply ? replyError(reply.error) : reply.first);
    });
    worker.on("error", (error) => this.stopped(worker, error));
    worker.on("exit", (code) => this.stopped(worker, new Error(`the append thread exited (code ${code})`)));
    // Not holding the process open while idle; append() refs it while appends are in flight.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Fails the appends of a thread that died; the next append starts another. */
  private stopped(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.ready = false;
    for (const id of [...this.inFlight.keys()]) this.settle(id, error);
  }

  /** Closes an idle thread's pool; it exits on its own (an append meanwhile starts another). */
  private close(worker: Worker): void {
    if (this.worker !== worker || this.inFlight.size > 0) return;
    this.worker = null;
    this.ready = false;
    worker.postMessage("close");
  }
}
