/**
 * A Node y-websocket client as a browser would use it, with a cookie jar.
 */
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { MessageType } from "../../core/collab-protocol";

/** A WebSocket class that sends fixed headers, for WebsocketProvider's WebSocketPolyfill option. */
export function webSocketWithHeaders(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

/**
 * A plain ws socket on a board's collaboration path, opened as a browser of this site would (its cookie, the
 * site's Origin, `headers` over them); an error shows as a close, so listen for "close" (or add "error" yourself).
 */
export function openCollabSocket(
  serverUrl: string,
  boardId: string,
  cookie?: string,
  headers: Record<string, string> = {},
): WebSocket {
  const socket = new WebSocket(`${serverUrl.replace(/^http/, "ws")}/collab/${boardId}`, {
    headers: { ...(cookie ? { Cookie: cookie } : {}), Origin: serverUrl, ...headers },
  });
  socket.on("error", () => undefined);
  return socket;
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

export function connectClient(
  serverUrl: string,
  boardId: string,
  options: { cookie?: string; doc?: Y.Doc } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const wsUrl = serverUrl.replace(/^http/, "ws") + "/collab";
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    WebSocketPolyfill: webSocketWithHeaders(
      options.cookie ? { Cookie: options.cookie } : {},
    ) as unknown as typeof globalThis.WebSocket,
    maxBackoffTime: 200,
    disableBc: true,
  });
  // Remit's extension messages (role, board events): tests that care register their own handler.
  provider.messageHandlers[MessageType.access] ??= () => undefined;
  provider.messageHandlers[MessageType.boardEvent] ??= () => undefined;
  provider.messageHandlers[MessageType.ack] ??= () => undefined;
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function waitForSync(client: TestClient): Promise<void> {
  return waitFor(() => client.provider.synced, "client to sync");
}
