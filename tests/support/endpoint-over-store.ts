/**
 * The real collaboration endpoint and room registry over a given update store
 * (a memory store the test slows down or breaks), on an HTTP server of its
 * own; every socket is let in as one delegate.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { RoomRegistry, type RoomRegistryOptions } from "../../server/collab/room-registry";
import type { SocketLimits } from "../../server/collab/socket-limits";
import type { UpdateStore } from "../../server/collab/update-store";
import { createCollabEndpoint, type CollabEndpoint } from "../../server/collab/ws-endpoint";

export interface EndpointOverStore {
  port: number;
  registry: RoomRegistry;
  endpoint: CollabEndpoint;
  stop(): Promise<void>;
}

export async function startEndpointOverStore(
  store: UpdateStore,
  options: { heartbeatMs?: number; limits?: SocketLimits; room?: Partial<RoomRegistryOptions> } = {},
): Promise<EndpointOverStore> {
  const registry = new RoomRegistry(store, {
    compactEvery: 100,
    maxRejectedWrites: 5,
    unloadDelayMs: 0,
    log: () => undefined,
    ...options.room,
  });
  const endpoint = createCollabEndpoint({
    registry,
    authorize: async () => ({
      ok: true,
      user: { id: "u", name: "U", delegation: "D", color: "#000000" },
      actor: null,
      role: "delegate",
      readOnlyBoard: false,
      sessionId: null,
    }),
    isAllowedOrigin: () => true,
    maxFrameBytes: 1 << 20,
    heartbeatMs: options.heartbeatMs ?? 60_000,
    limits: options.limits,
    log: () => undefined,
  });
  const httpServer: Server = createServer();
  httpServer.on("upgrade", (request, socket, head) => endpoint.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  return {
    port: (httpServer.address() as AddressInfo).port,
    registry,
    endpoint,
    async stop() {
      await endpoint.close();
      await new Promise((resolve) => httpServer.close(resolve));
    },
  };
}
