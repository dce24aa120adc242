/**
 * Assembles Remit: database, services, the Remix request handler and the
 * collaboration endpoint on one HTTP server. Used by server/index.ts and by
 * the integration tests (which start it on port 0 with a fresh database).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { createCollabEndpoint, type CollabEndpoint } from "./collab/ws-endpoint";
import { RoomRegistry } from "./collab/room-registry";
import type { ServerConfig } from "./config";
import { createPrismaClient, type PrismaClient } from "./db/prisma-client";
import { migrateDatabase } from "./db/migrate";
import { PrismaUpdateStore } from "./db/prisma-update-store";
import { createRemitServices } from "./services";
import { authorizeGuest } from "./guest-authorization";
import { originChecker } from "./origin-check";
import type { RemitServices } from "../app/load-context";

export interface RemitServer {
  readonly url: string;
  readonly port: number;
  readonly prisma: PrismaClient;
  readonly services: RemitServices;
  readonly registry: RoomRegistry;
  readonly collab: CollabEndpoint;
  stop(): Promise<void>;
}

export interface RemitServerOptions {
  config: ServerConfig;
  /** The Remix server build; without it only the collaboration endpoint and /healthz are served. */
  build?: ServerBuild | (() => Promise<ServerBuild>);
  log?: (message: string, error?: unknown) => void;
  /** How long an empty room stays loaded (tests use 0). */
  unloadDelayMs?: number;
}

const defaultLog = (message: string, error?: unknown) =>
  error ? console.error(`[remit] ${message}:`, error) : console.log(`[remit] ${message}`);

export async function startRemitServer(options: RemitServerOptions): Promise<RemitServer> {
  const { config } = options;
  const log = options.log ?? defaultLog;
  await migrateDatabase(config.DATABASE_URL);
  const prisma = createPrismaClient(config.DATABASE_URL);
  const store = new PrismaUpdateStore(prisma);
  const services = await createRemitServices(prisma, store, { demo: config.DEMO });

  const registry = new RoomRegistry(store, {
    compactEvery: config.COMPACT_EVERY,
    maxRejectedWrites: 5,
    unloadDelayMs: options.unloadDelayMs ?? 5_000,
    log,
  });
  const collab = createCollabEndpoint({
    registry,
    authorize: (request: IncomingMessage, boardId: string) => authorizeGuest(request, boardId, services),
    isAllowedOrigin: originChecker(config.ALLOWED_ORIGINS),
    maxFrameBytes: config.MAX_FRAME_BYTES,
    heartbeatMs: 30_000,
    log,
  });

  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_request, response) => {
    response.json({ ok: true });
  });
  if (options.build) {
    app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
    app.use(express.static("public", { maxAge: "1h" }));
    app.all("*", createRequestHandler({ build: options.build, getLoadContext: () => ({ services }) }));
  }

  const httpServer: Server = createServer(app);
  httpServer.on("upgrade", (request, socket, head) => collab.handleUpgrade(request, socket, head));
  // Malformed HTTP must not take the process down.
  httpServer.on("clientError", (error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy(error);
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const displayHost = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;

  return {
    url: `http://${displayHost}:${port}`,
    port,
    prisma,
    services,
    registry,
    collab,
    async stop() {
      await collab.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await prisma.$disconnect();
    },
  };
}
