/**
 * Prometheus metrics of the cluster fan-out, in prom-client's default registry (the one /metrics exposes).
 * Created once per process: several buses (tests run several instances in one process) share them.
 */
import { Counter, Gauge, register } from "prom-client";

function once<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

export const pushAvailableGauge = once(
  "remit_cluster_push_available",
  () =>
    new Gauge({
      name: "remit_cluster_push_available",
      help: "1 while Redis fan-out works, 0 while instances fall back to reading the database",
    }),
);

export const fallbacksCounter = once(
  "remit_cluster_fallbacks_total",
  () =>
    new Counter({
      name: "remit_cluster_fallbacks_total",
      help: "Times Redis became unreachable and fan-out fell back to polling the database",
    }),
);
