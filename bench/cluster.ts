/**
 * Cluster bench: 100 clients on one board, spread over 1, 2 and 3 instances (PostgreSQL + Redis, in this
 * process), 10 of them writing. Measures edit→visible latency (p50/p99 over every client that sees an edit)
 * and CPU per delivered update (process CPU, clients included, so compare the rows, not the absolute value).
 * The 1-instance row is the reference; the difference to it is the cost of the Redis hop (publish after the
 * PostgreSQL commit, one pub/sub round trip, apply on the receiving instance).
 * Needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (TEST_POSTGRES_URL, TEST_REDIS_URL).
 */
import { addRow, getRowsType } from "../core/board-doc";
import { addMember, createAccount } from "../tests/support/accounts";
import { connectClient, waitFor, waitForSync, type TestClient } from "../tests/support/collab-client";
import { startCluster } from "../tests/support/cluster";

export interface ClusterBenchRow {
  instances: number;
  p50Ms: number;
  p99Ms: number;
  cpuUsPerDelivered: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(instanceCount: number, clientCount: number, edits: number): Promise<ClusterBenchRow> {
  // Two accounts hold all the sockets: lift the per-session cap (real users have one or two sockets each).
  const cluster = await startCluster(instanceCount, { COMPACT_EVERY: "1000", MAX_SOCKETS_PER_SESSION: "200" });
  const clients: TestClient[] = [];
  try {
    const [first] = cluster.instances;
    const chair = await createAccount(first, "Chair", "NATO-IS");
    const member = await createAccount(first, "Member", "NO");
    const boardId = (await first.access.createBoard(chair.user.id, { title: "Bench", template: "empty" })).id;
    await addMember(first, chair, boardId, member, "delegate");
    for (let i = 0; i < clientCount; i++) {
      const instance = cluster.instances[i % instanceCount];
      clients.push(connectClient(instance.url, boardId, { cookie: (i % 2 ? member : chair).cookie }));
    }
    await Promise.all(clients.map(waitForSync));
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    for (const client of clients)
      getRowsType(client.doc).observe((event) => {
        const now = performance.now();
        for (const key of event.keysChanged) {
          const sent = sentAt.get(key);
          if (sent !== undefined && event.transaction.origin !== null) latencies.push(now - sent);
        }
      });
    const writers = clients.slice(0, 10);
    const cpuBefore = process.cpuUsage();
    for (let i = 0; i < edits; i++) {
      const writer = writers[i % writers.length];
      const started = performance.now();
      const rowId = addRow(writer.doc, { title: `edit ${i}` });
      sentAt.set(rowId, started);
      // One edit in flight per 10 ms: a busy meeting, not a flood.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const expected = edits * (clientCount - 1);
    await waitFor(() => latencies.length >= expected, "every edit seen by every other client", 120_000);
    const cpu = process.cpuUsage(cpuBefore);
    latencies.sort((a, b) => a - b);
    return {
      instances: instanceCount,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      cpuUsPerDelivered: (cpu.user + cpu.system) / expected,
    };
  } finally {
    for (const client of clients) client.destroy();
    await cluster.stop();
  }
}

export async function runClusterBench(options: { quick?: boolean; log?: (line: string) => void } = {}) {
  const clientCount = options.quick ? 20 : 100;
  const edits = options.quick ? 40 : 200;
  const rows: ClusterBenchRow[] = [];
  for (const instances of [1, 2, 3]) {
    rows.push(await measure(instances, clientCount, edits));
    options.log?.(`cluster: ${instances} instance(s) done`);
  }
  return rows;
}
