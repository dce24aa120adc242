import { createServer, connect, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { corkForTurn, uncorkNow } from "./turn-cork";

let server: Server | null = null;
afterEach(() => {
  server?.close();
  server = null;
});

/** A connected TCP pair: what the far end received, and how many writes the near end handed the kernel. */
async function socketPair(): Promise<{ near: Socket; received: () => string; writes: () => number }> {
  let data = "";
  server = createServer((far) => far.on("data", (chunk) => (data += chunk.toString())));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const near = connect((server.address() as AddressInfo).port, "127.0.0.1");
  await new Promise((resolve) => near.once("connect", resolve));
  let writes = 0;
  // The stream's hand-off to the handle: one call per kernel write (writev for a corked batch).
  const internals = near as unknown as Record<"_write" | "_writev", (...args: unknown[]) => unknown>;
  for (const method of ["_write", "_writev"] as const) {
    const original = internals[method].bind(near);
    internals[method] = (...args: unknown[]) => {
      writes += 1;
      return original(...args);
    };
  }
  return { near, received: () => data, writes: () => writes };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

it("PERF-70 frames sent to one socket in one turn leave in one write, in order; the next turn's in another", async () => {
  const { near, received, writes } = await socketPair();
  for (const frame of ["a", "b", "c"]) {
    corkForTurn(near);
    near.write(frame);
  }
  expect(writes()).toBe(0);
  await nextTurn();
  expect(writes()).toBe(1);
  corkForTurn(near);
  near.write("d");
  await nextTurn();
  expect(writes()).toBe(2);
  near.end();
  while (received().length < 4) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(received()).toBe("abcd");
});

it("PERF-70 a destroyed socket is left alone", async () => {
  const { near } = await socketPair();
  near.destroy();
  expect(() => corkForTurn(near)).not.toThrow();
  expect(near.writableCorked).toBe(0);
});

it("PERF-70 uncorkNow writes what the turn holds at once, and the turn's end then has nothing left", async () => {
  const { near, writes } = await socketPair();
  corkForTurn(near);
  near.write("presence");
  corkForTurn(near);
  near.write("update");
  uncorkNow(near);
  expect(writes()).toBe(1);
  await nextTurn();
  expect(writes()).toBe(1);
});
