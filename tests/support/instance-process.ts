/**
 * One Remit instance in its own process (no Remix build: collaboration and /healthz, /readyz), for tests
 * that kill an instance. Env as for server/index.ts; prints `READY <url>` once listening.
 *
 * CRASH_TRACE_FILE (the crash script's --trace, COLLAB-41): after every frame read and every acknowledgement
 * sent, the file is overwritten with where the frames not acknowledged yet are (one JSON line). The write goes
 * to the page cache, which a SIGKILL does not undo: after the kill the file holds the state the kill found.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { WebSocket } from "ws";
import { MessageType } from "../../core/collab-protocol";
import { loadConfig } from "../../server/config";
import { startRemitServer, type RemitServer } from "../../server/remit-server";

const server = await startRemitServer({ config: loadConfig(), unloadDelayMs: 0, log: () => undefined });
console.log(`READY ${server.url}`);
process.on("SIGTERM", () => void server.drain().then(() => process.exit(0)));
if (process.env.CRASH_TRACE_FILE) traceInto(process.env.CRASH_TRACE_FILE, server);

function traceInto(path: string, remit: RemitServer): void {
  const file = openSync(path, "w");
  process.on("exit", () => closeSync(file));
  const write = () => {
    const line = Buffer.from(
      JSON.stringify({ ...remit.collab.intakeStages(), ...remit.registry.ackStages(), writtenAt: Date.now() }).padEnd(
        400,
      ) + "\n",
    );
    writeSync(file, line, 0, line.length, 0);
  };
  const prototype = WebSocket.prototype as unknown as {
    emit(event: string | symbol, ...args: unknown[]): boolean;
    send(data: unknown, ...rest: unknown[]): void;
  };
  const emit = prototype.emit;
  prototype.emit = function (this: unknown, event, ...args) {
    const handled = emit.call(this, event, ...args);
    if (event === "message") write();
    return handled;
  };
  const send = prototype.send;
  prototype.send = function (this: unknown, data, ...rest) {
    send.call(this, data, ...rest);
    if (data instanceof Uint8Array && data[0] === MessageType.ack) write();
  };
}
