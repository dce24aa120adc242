/**
 * Operations endpoints: /readyz says whether the database answers, /metrics
 * speaks Prometheus and is only for this machine or a bearer of METRICS_TOKEN.
 */
import { describe, expect, it } from "vitest";
import { getRowText, readRows } from "../../core/board-doc";
import { createAccount } from "../support/accounts";
import { connectClient, waitFor, waitForSync } from "../support/collab-client";
import { givenTestServer } from "../support/given-server";
import { createPostgresTestDatabase, startTestServer } from "../support/test-server";

describe("operations endpoints (SQLite)", () => {
  const remit = givenTestServer({ env: { METRICS_TOKEN: "" } });

  it("OPS-1 /readyz answers 200 while the database is reachable, next to /healthz", async () => {
    expect((await fetch(`${remit.server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${remit.server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true });
  });

  it("OPS-2 /metrics gives rooms, sockets, commits and refusals in Prometheus format to localhost", async () => {
    const account = await createAccount(remit.server, "Metric", "DE");
    const boardId = (await remit.server.access.createBoard(account.user.id, { title: "Metrics", template: "starter" }))
      .id;
    const client = connectClient(remit.server.url, boardId, { cookie: account.cookie });
    try {
      await waitForSync(client);
      const rowId = readRows(client.doc)[0].id;
      getRowText(client.doc, rowId, "notes")!.insert(0, "counted");
      const room = (await remit.server.registry.loadedRoom(boardId))!;
      await waitFor(() => room.lastDurableUpdateId > 1, "commit");
      const response = await fetch(`${remit.server.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/plain");
      const text = await response.text();
      for (const name of [
        "remit_rooms 1",
        "remit_sockets 1",
        "remit_write_queue_depth",
        "remit_unacknowledged_updates",
        "remit_commit_seconds_bucket",
        "remit_updates_applied_total",
        "remit_rooms_poisoned_total",
        "remit_refusals_total",
      ]) {
        expect(text).toContain(name);
      }
      expect(Number(/remit_updates_committed_total (\d+)/.exec(text)?.[1])).toBeGreaterThan(0);
    } finally {
      client.destroy();
    }
  });

  it("OPS-3 /metrics relayed by a proxy (X-Forwarded-For) is refused without a token", async () => {
    const response = await fetch(`${remit.server.url}/metrics`, { headers: { "X-Forwarded-For": "203.0.113.9" } });
    expect(response.status).toBe(403);
  });
});

describe("operations endpoints with METRICS_TOKEN", () => {
  const token = "a-long-metrics-token-for-tests";
  const remit = givenTestServer({ env: { METRICS_TOKEN: token } });

  it("OPS-3 /metrics needs the bearer token when one is configured, even from localhost", async () => {
    expect((await fetch(`${remit.server.url}/metrics`)).status).toBe(403);
    expect((await fetch(`${remit.server.url}/metrics`, { headers: { Authorization: "Bearer wrong" } })).status).toBe(
      403,
    );
    const response = await fetch(`${remit.server.url}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("remit_rooms");
  });
});

describe("operations endpoints (PostgreSQL)", () => {
  it("OPS-1 /readyz answers 503 once the database is gone", async () => {
    const database = await createPostgresTestDatabase();
    const server = await startTestServer(database);
    try {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      await database.disposeAsync();
      const response = await fetch(`${server.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ ok: false, reason: "database unreachable" });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.stop().catch(() => undefined);
      await database.disposeAsync();
    }
  }, 120_000);
});
