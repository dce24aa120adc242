/**
 * Prometheus metrics (prom-client) for operators: rooms, sockets, update
 * throughput, commit latency, write backlog, unacknowledged updates, poisoned
 * rooms and refusals by rule. One registry per server instance (tests start
 * several in one process), no global default registry.
 */
import { timingSafeEqual } from "node:crypto";
import type { Request, Response } from "express";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { CollabMetrics } from "../collab/collab-metrics";
import type { RegistryStats } from "../collab/room-registry";

export interface OpsMetrics {
  readonly collab: CollabMetrics;
  readonly registry: Registry;
}

interface MetricsSources {
  stats: () => RegistryStats;
  sockets: () => number;
  /** Rooms poisoned and reloaded since start. */
  poisonedRooms: () => number;
  /** Updates refused (4422) since start, by rule. */
  refusalsByRule: () => ReadonlyMap<string, number>;
}

export function createOpsMetrics(read: MetricsSources): OpsMetrics {
  const registry = new Registry();
  const gauge = (name: string, help: string, value: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(value());
      },
    });
  gauge("remit_rooms", "Boards loaded in memory", () => read.stats().rooms);
  gauge("remit_sockets", "Open collaboration WebSockets", read.sockets);
  gauge("remit_write_queue_depth", "Updates waiting to be written to the update log", () => read.stats().writeQueue);
  gauge(
    "remit_unacknowledged_updates",
    "Update frames applied but not yet acknowledged as durable",
    () => read.stats().unacknowledged,
  );
  gauge("remit_compactions_running", "Compactions in progress", () => read.stats().compactionsRunning);
  gauge("remit_compactions_queued", "Compactions waiting for a slot", () => read.stats().compactionsQueued);

  const updates = new Counter({
    name: "remit_updates_applied_total",
    help: "Client updates applied (rate() gives updates/s)",
    registers: [registry],
  });
  const committed = new Counter({
    name: "remit_updates_committed_total",
    help: "Client updates committed to the update log",
    registers: [registry],
  });
  const rows = new Counter({
    name: "remit_log_rows_written_total",
    help: "Update-log rows written",
    registers: [registry],
  });
  const commitFailures = new Counter({
    name: "remit_commit_failures_total",
    help: "Update-log writes that failed and were retried",
    registers: [registry],
  });
  const commitSeconds = new Histogram({
    name: "remit_commit_seconds",
    help: "Duration of one group commit to the update log",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const compactionSeconds = new Histogram({
    name: "remit_compaction_seconds",
    help: "Duration of one compaction",
    labelNames: ["outcome"],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  // Counted by the registry; exposed as counters that copy its totals at scrape time.
  new Counter({
    name: "remit_refusals_total",
    help: "Updates refused (close 4422), by rule",
    labelNames: ["rule"],
    registers: [registry],
    collect() {
      this.reset();
      for (const [rule, count] of read.refusalsByRule()) if (count > 0) this.inc({ rule }, count);
    },
  });
  new Counter({
    name: "remit_rooms_poisoned_total",
    help: "Rooms found broken and reloaded from the database",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(read.poisonedRooms());
    },
  });

  return {
    registry,
    collab: {
      updateApplied: () => updates.inc(),
      committed(count, written, seconds) {
        committed.inc(count);
        rows.inc(written);
        commitSeconds.observe(seconds);
      },
      commitFailed: () => commitFailures.inc(),
      compacted: (seconds, ok) => compactionSeconds.observe({ outcome: ok ? "ok" : "failed" }, seconds),
    },
  };
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may read /metrics: with METRICS_TOKEN, whoever sends `Authorization: Bearer <token>`;
 * without it, only direct connections from this machine (a request relayed by a reverse proxy
 * carries X-Forwarded-For and is refused, even though the proxy connects from localhost).
 */
function metricsAllowed(request: Request, token: string | undefined): boolean {
  if (token) return sameSecret(request.get("authorization") ?? "", `Bearer ${token}`);
  const direct = !request.get("x-forwarded-for") && !request.get("forwarded");
  return direct && LOOPBACK.has(request.socket.remoteAddress ?? "");
}

export function metricsHandler(metrics: OpsMetrics, token: string | undefined) {
  return async (request: Request, response: Response) => {
    if (!metricsAllowed(request, token)) {
      response.status(403).type("text/plain").send("Forbidden\n");
      return;
    }
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
