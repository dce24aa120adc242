/**
 * The PostgreSQL update log's group commits, on a thread of their own (COLLAB-47). The main thread posts each
 * append here; this thread runs it on its own pool and, the moment PostgreSQL answers, writes the outcome into
 * memory both threads share, then posts it back as well. The main thread reads the shared outcome whenever it
 * queues an update, so a commit counts as durable (and is acknowledged) between two frames of a long event-loop
 * turn, not only once the turn has read every socket that was ready before the answer (see postgres-update-log.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import pg from "pg";
import { AppendOutcomes, type AppendJob, type AppendReply, type AppendWorkerData } from "./postgres-append-shared";

const data = workerData as AppendWorkerData;
const { connectionString, poolSize, statement } = data;
const outcomes = new AppendOutcomes(data);
const pool = new pg.Pool({ connectionString, max: poolSize });
// An idle connection that PostgreSQL closes (a restart, a dropped database) must not take the thread down:
// the pool replaces it, and the next append that fails is retried by the persister.
pool.on("error", () => undefined);

async function run(job: AppendJob): Promise<AppendReply> {
  try {
    const result = await pool.query<{ first: string | number }>({ ...statement, values: job.values });
    const value = result.rows.length === 0 ? null : Number(result.rows[0].first);
    if (job.slot >= 0) outcomes.write(job.slot, value);
    return { id: job.id, first: value };
  } catch (error) {
    const { message, code } = error as { message?: string; code?: string };
    return { id: job.id, error: { message: message ?? String(error), code } };
  }
}

// Ready once a first connection is open (or failed to open: appends then fail and are retried like any other):
// until then the main thread appends on its own pool, so a thread that starts slowly never stalls a commit.
void pool
  .connect()
  .then((client) => client.release())
  .catch(() => undefined)
  .finally(() => parentPort!.postMessage("ready"));

parentPort!.on("message", (message: AppendJob | "close") => {
  if (message === "close") {
    void pool.end().finally(() => process.exit(0));
    return;
  }
  void run(message).then((reply) => parentPort!.postMessage(reply));
});
