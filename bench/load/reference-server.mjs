// The reference server as a plain process: @y/websocket-server 0.1.1. In memory for P9 (start to ready); with
// YPERSISTENCE=<directory> it persists every update to LevelDB through y-leveldb (read by the package at import),
// which `npm run crash:collab -- --reference` kills and restarts. Documents are named by the last path segment, so
// Remit's `/collab/<boardId>` URLs work unchanged. Prints `READY <url>` once listening.
import { createServer } from "node:http";
import { WebSocketServer } from "ws";
import { setupWSConnection } from "@y/websocket-server/utils";

const wss = new WebSocketServer({ noServer: true });
const server = createServer((_request, response) => response.end("ok"));
server.on("upgrade", (request, socket, head) =>
  wss.handleUpgrade(request, socket, head, (ws) =>
    setupWSConnection(ws, request, { docName: (request.url ?? "/").split("/").pop() || "board" }),
  ),
);
server.listen(Number(process.env.PORT ?? 1234), "127.0.0.1", () =>
  console.log(`READY http://127.0.0.1:${server.address().port}`),
);
