/**
 * Prometheus metrics of the cluster fan-out, in the instance's own registry (server/ops/metrics.ts), read from
 * the bus at scrape time.
 */
import { Counter, Gauge, type Registry } from "prom-client";
import type { BoardBus } from "../collab/board-bus";

export function registerClusterMetrics(registry: Registry, bus: BoardBus): void {
  new Gauge({
    name: "remit_cluster_push_available",
    help: "1 while Redis fan-out works, 0 while this instance falls back to reading the database",
    registers: [registry],
    collect() {
      this.set(bus.pushAvailable ? 1 : 0);
    },
  });
  new Counter({
    name: "remit_cluster_fallbacks_total",
    help: "Times Redis became unreachable and fan-out fell back to polling the database",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(bus.fallbacks);
    },
  });
}
