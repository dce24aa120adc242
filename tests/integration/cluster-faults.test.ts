/**
 * Faults with several instances: an instance killed mid-storm (SIGKILL), an instance drained (SIGTERM),
 * Redis restarted and Redis down for a while (CLUSTER_TEST_REDIS_DOWN_MS, default 2 s; the real-world check
 * is 30 s: CLUSTER_TEST_REDIS_DOWN_MS=30000). Redis faults use a private redis-server on its own port.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getRowText, readRow, readRows } from "../../core/board-doc";
import { CloseCode } from "../../core/collab-protocol";
import { startRoundRobinProxy, type RoundRobinProxy } from "../../server/cluster/round-robin-proxy";
import { PrismaUpdateStore } from "../../server/db/prisma-update-store";
import type { RemitServer } from "../../server/remit-server";
import { addMember, createAccount } from "../support/accounts";
import { TEST_REDIS_URL, uniqueRedisPrefix } from "../support/cluster";
import { connectClient, waitFor, waitForSync, type TestClient } from "../support/collab-client";
import { freePort, PrivateRedis } from "../support/redis-process";
import { createPostgresTestDatabase, startTestServer } from "../support/test-server";

const REDIS_DOWN_MS = Number(process.env.CLUSTER_TEST_REDIS_DOWN_MS ?? 2000);

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function givenBoard(server: RemitServer) {
  const chair = await createAccount(server, "Chair", "NATO-IS");
  const delegate = await createAccount(server, "Delegate", "NO");
  const boardId = (await server.access.createBoard(chair.user.id, { title: "Faults", template: "starter" })).id;
  await addMember(server, chair, boardId, delegate, "delegate");
  return { chair, delegate, boardId };
}

function track(client: TestClient): TestClient {
  cleanups.push(() => client.destroy());
  return client;
}

async function storedRows(server: RemitServer, boardId: string) {
  const stored = await new PrismaUpdateStore(server.prisma).load(boardId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const entry of stored.tail) Y.applyUpdate(doc, entry.data);
  return readRows(doc);
}

function spawnInstance(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/instance-process.ts"], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", DEMO: "false", NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  cleanups.push(() => child.kill("SIGKILL"));
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\S+)/.exec(output);
      if (ready) resolve({ child, url: ready[1] });
    });
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
  });
}

describe("faults with several instances", () => {
  it("SCALE-6 SIGKILL of one instance mid-storm: its clients reconnect to another, no edit is lost", async () => {
    const database = await createPostgresTestDatabase();
    cleanups.push(() => database.disposeAsync());
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: uniqueRedisPrefix(),
      CLUSTER_POLL_MS: "100",
      CLUSTER_SAFETY_POLL_MS: "500",
    };
    const survivor = await startTestServer(database, env);
    cleanups.push(() => survivor.stop());
    const victim = await spawnInstance(env);
    const proxy: RoundRobinProxy = await startRoundRobinProxy([victim.url, survivor.url]);
    cleanups.push(() => proxy.close());
    const { chair, delegate, boardId } = await givenBoard(survivor);

    const clients = [chair, delegate, chair, delegate].map((account) =>
      track(connectClient(proxy.url, boardId, { cookie: account.cookie })),
    );
    await Promise.all(clients.map(waitForSync));
    const rowId = readRows(clients[0].doc)[0].id;
    const typed = clients.map(() => 0);
    const type = (index: number) => {
      getRowText(clients[index].doc, rowId, "notes")?.insert(0, String.fromCharCode(97 + index));
      typed[index] += 1;
    };
    for (let round = 0; round < 20; round++) clients.forEach((_, index) => type(index));
    victim.child.kill("SIGKILL");
    for (let round = 0; round < 20; round++) {
      clients.forEach((_, index) => type(index));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const total = typed.reduce((sum, count) => sum + count, 0);
    await waitFor(
      () =>
        clients.every((client) => client.provider.wsconnected && readRow(client.doc, rowId)?.notes.length === total),
      "every client back and converged",
    );
    const room = (await survivor.registry.loadedRoom(boardId))!;
    await waitFor(() => readRow(room.doc, rowId)?.notes.length === total, "survivor holds every edit");
    await room.flush();
    const notes = (await storedRows(survivor, boardId)).find((row) => row.id === rowId)!.notes;
    clients.forEach((_, index) => {
      expect(notes.split(String.fromCharCode(97 + index)).length - 1).toBe(typed[index]);
    });
  });

  it("SCALE-7 SIGTERM drains: /readyz fails, sockets close with 1012, clients move to another instance with their edits", async () => {
    const database = await createPostgresTestDatabase();
    cleanups.push(() => database.disposeAsync());
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniqueRedisPrefix(), DRAIN_DELAY_MS: "200" };
    const draining = await startTestServer(database, env);
    const other = await startTestServer(database, env);
    cleanups.push(
      () => other.stop(),
      () => draining.stop(),
    );
    const proxy = await startRoundRobinProxy([draining.url, other.url]);
    cleanups.push(() => proxy.close());
    const { chair, delegate, boardId } = await givenBoard(other);
    const [a, b] = [chair, delegate].map((account) =>
      track(connectClient(proxy.url, boardId, { cookie: account.cookie })),
    );
    await Promise.all([a, b].map(waitForSync));
    const rowId = readRows(a.doc)[0].id;
    getRowText(a.doc, rowId, "notes")?.insert(0, "before drain ");
    await waitFor(() => readRow(b.doc, rowId)?.notes.startsWith("before drain") === true, "edit relayed");

    const closeCodes: number[] = [];
    for (const client of [a, b])
      client.provider.on("connection-close", (event: CloseEvent | null) => closeCodes.push(event?.code ?? 0));
    const drained = draining.drain();
    expect((await fetch(`${draining.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${other.url}/readyz`)).status).toBe(200);
    await drained;
    await waitFor(() => closeCodes.includes(CloseCode.serviceRestart), "1012 on the drained instance's socket");
    getRowText(b.doc, rowId, "notes")?.insert(0, "after drain ");
    await waitFor(
      () =>
        [a, b].every(
          (client) => client.provider.wsconnected && readRow(client.doc, rowId)?.notes === readRow(b.doc, rowId)?.notes,
        ),
      "clients reconnected elsewhere and converged",
    );
    expect(readRow(a.doc, rowId)?.notes).toContain("before drain");
    expect(readRow(a.doc, rowId)?.notes).toContain("after drain");
  });

  it("SCALE-8 Redis restarted mid-session and Redis down for a while: edits reach everyone (polling), push resumes", async () => {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    cleanups.push(() => redis.stop());
    const database = await createPostgresTestDatabase();
    cleanups.push(() => database.disposeAsync());
    // Safety polling far slower than the waits below: after Redis is back, only push can deliver in time.
    const env = {
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: uniqueRedisPrefix(),
      CLUSTER_POLL_MS: "100",
      CLUSTER_SAFETY_POLL_MS: "600000",
    };
    const instances = [await startTestServer(database, env), await startTestServer(database, env)];
    cleanups.push(...instances.map((instance) => () => instance.stop()));
    const { chair, delegate, boardId } = await givenBoard(instances[0]);
    const [a, b] = [
      track(connectClient(instances[0].url, boardId, { cookie: chair.cookie })),
      track(connectClient(instances[1].url, boardId, { cookie: delegate.cookie })),
    ];
    await Promise.all([a, b].map(waitForSync));
    const rowId = readRows(a.doc)[0].id;
    const notes = (client: TestClient) => readRow(client.doc, rowId)?.notes ?? "";
    getRowText(a.doc, rowId, "notes")?.insert(0, "push;");
    await waitFor(() => notes(b).includes("push;"), "push before the outage");

    await redis.stop();
    await waitFor(() => instances.every((instance) => !instance.bus.pushAvailable), "instances notice Redis is gone");
    const scraped = await (await fetch(`${instances[0].url}/metrics`)).text();
    expect(scraped).toContain("remit_cluster_push_available 0");
    expect(scraped).toMatch(/remit_cluster_fallbacks_total [1-9]/);
    const outageEnds = Date.now() + REDIS_DOWN_MS;
    let round = 0;
    while (Date.now() < outageEnds || round < 3) {
      getRowText(a.doc, rowId, "notes")?.insert(0, `a${round};`);
      getRowText(b.doc, rowId, "notes")?.insert(0, `b${round};`);
      const mark = round;
      await waitFor(
        () => notes(b).includes(`a${mark};`) && notes(a).includes(`b${mark};`),
        "edits relayed by polling while Redis is down",
      );
      round += 1;
    }

    await redis.start();
    await waitFor(() => instances.every((instance) => instance.bus.pushAvailable), "push restored", 20_000);
    getRowText(a.doc, rowId, "notes")?.insert(0, "push again;");
    await waitFor(() => notes(b).includes("push again;"), "push after Redis is back", 10_000);
    expect(notes(a)).toBe(notes(b));
    const room = (await instances[1].registry.loadedRoom(boardId))!;
    await room.flush();
    const stored = (await storedRows(instances[1], boardId)).find((row) => row.id === rowId)!.notes;
    expect(stored).toBe(notes(a));
  });
});
