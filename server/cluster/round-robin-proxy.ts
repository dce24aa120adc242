/**
 * A small round-robin proxy for trying several instances on one machine (`npm run cluster`, cluster tests):
 * HTTP requests and WebSocket upgrades go to the next backend; a backend that refuses the connection is
 * skipped. No sticky sessions: any instance can serve any board. Not a production load balancer.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import { connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

export interface RoundRobinProxy {
  readonly url: string;
  readonly server: Server;
  /** Replaces the backend list (e.g. after restarting one). */
  setBackends(backends: string[]): void;
  close(): Promise<void>;
}

function hostPort(backend: string): { host: string; port: number } {
  const url = new URL(backend);
  return { host: url.hostname, port: Number(url.port) };
}

export async function startRoundRobinProxy(backends: string[], port = 0, host = "127.0.0.1"): Promise<RoundRobinProxy> {
  let targets = [...backends];
  let next = 0;
  const sockets = new Set<Duplex>();
  /** Backends in the order to try for one request: the next in turn first, then the others. */
  const order = () => {
    const start = next++ % targets.length;
    return targets.map((_, i) => targets[(start + i) % targets.length]);
  };

  const server = createServer((request, response) => {
    const tryBackend = (candidates: string[]) => {
      const backend = candidates[0];
      if (!backend) {
        response.writeHead(502).end("no instance answered\n");
        return;
      }
      const upstream = httpRequest(
        {
          ...hostPort(backend),
          method: request.method,
          path: request.url,
          // One trusted hop (TRUST_PROXY=true on the instances): the client address, for per-client limits.
          headers: { ...request.headers, "x-forwarded-for": request.socket.remoteAddress ?? "" },
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "ECONNREFUSED" && !response.headersSent) tryBackend(candidates.slice(1));
        else response.destroy();
      });
      request.pipe(upstream);
    };
    tryBackend(order());
  });

  server.on("upgrade", (request: IncomingMessage, client: Duplex, head: Buffer) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    const tryBackend = (candidates: string[]) => {
      const backend = candidates[0];
      if (!backend) return client.destroy();
      let connected = false;
      const upstream: Socket = connect(hostPort(backend), () => {
        connected = true;
        const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
        for (let i = 0; i < request.rawHeaders.length; i += 2)
          if (request.rawHeaders[i].toLowerCase() !== "x-forwarded-for")
            lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
        lines.push(`X-Forwarded-For: ${request.socket.remoteAddress ?? ""}`);
        upstream.write(lines.join("\r\n") + "\r\n\r\n");
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on("close", () => {
        sockets.delete(upstream);
        if (connected) client.destroy();
      });
      // A backend that is down (killed, restarting) is skipped; one that fails mid-way ends the socket.
      upstream.on("error", () => (connected ? client.destroy() : tryBackend(candidates.slice(1))));
      client.on("close", () => upstream.destroy());
    };
    tryBackend(order());
  });

  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    server,
    setBackends(list) {
      targets = [...list];
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
