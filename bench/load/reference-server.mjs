// The reference server as a plain process (P9 start to ready): @y/websocket-server 0.1.1, in memory.
import { createServer } from "node:http";
import { WebSocketServer } from "ws";
import { setupWSConnection } from "@y/websocket-server/utils";

const wss = new WebSocketServer({ noServer: true });
const server = createServer((_request, response) => response.end("ok"));
server.on("upgrade", (request, socket, head) =>
  wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request)),
);
server.listen(Number(process.env.PORT ?? 1234), "127.0.0.1", () => console.log("ready"));
