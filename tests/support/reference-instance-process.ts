/**
 * The reference for `npm run crash:collab -- --reference`: @y/websocket-server 0.1.1 persisting every update to
 * LevelDB through y-leveldb (its own `YPERSISTENCE` mode: each document update is handed to LevelDB as it is
 * applied). Documents are named by the last path segment, so Remit's `/collab/<boardId>` URLs work unchanged.
 * Env: YPERSISTENCE (the LevelDB directory, read by the package at import). Prints `READY <url>` once listening.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";

if (!process.env.YPERSISTENCE) throw new Error("YPERSISTENCE (a LevelDB directory) is required");
const utils = (await import("@y/websocket-server/utils")) as unknown as {
  setupWSConnection: (ws: unknown, request: unknown, options: { docName: string }) => void;
};
const sockets = new WebSocketServer({ noServer: true });
const server = createServer((_request, response) => response.end("ok"));
server.on("upgrade", (request, socket, head) =>
  sockets.handleUpgrade(request, socket, head, (ws) =>
    utils.setupWSConnection(ws, request, { docName: (request.url ?? "/").split("/").pop() || "board" }),
  ),
);
server.listen(0, "127.0.0.1", () => {
  console.log(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
