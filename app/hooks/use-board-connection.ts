/**
 * One Y.Doc + WebsocketProvider per open board. The document exists from the
 * first render (server and hydration alike), built from the state the page
 * was rendered with, so the grid is editable as soon as it hydrates: edits
 * made before the socket has synced are kept (IndexedDB) and merged by the
 * sync. The provider is created in the browser only (useEffect) and
 * destroyed on unmount. Exposes a connection status that the
 * UI can show as text: connecting, connected, reconnecting, offline; and the
 * role the server grants this connection, live (the chair may change it);
 * and the server's board events (comments, positions, workflow…) to subscribe to.
 * With a user id, unacknowledged local edits are kept in IndexedDB and applied
 * again after a reload before connecting (COLLAB-27).
 */
import * as decoding from "lib0/decoding";
import { useEffect, useMemo, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { parseAccessMessage } from "../lib/access-message";
import { parseBoardEventMessage } from "../lib/board-event-message";
import { docFromSnapshot, SNAPSHOT_ORIGIN } from "../lib/board-snapshot";
import { SaveTracker } from "../lib/save-tracker";
import { REFUSAL_CLOSE_CODES } from "../lib/refused-edits";
import { restoreEdits } from "../lib/restore-edits";
import {
  deleteEdits,
  newEditKey,
  readEdits,
  refuseEdits,
  storeEdit,
  type StoredEdit,
} from "../lib/unsaved-edits-store";
import {
  COLLAB_PATH_PREFIX,
  MessageType,
  PERMANENT_CLOSE_CODES,
  type AccessMessage,
  type BoardEventMessage,
} from "../../core/collab-protocol";

/** Origin of edits applied again from IndexedDB: already stored, and counted by the tracker as restored. */
const RESTORED_ORIGIN = "remit:restored-edits";
const RESTORE_TIMEOUT_MS = 3000;

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "offline";
export type Awareness = WebsocketProvider["awareness"];

export interface PermanentClose {
  code: number;
  reason: string;
}

type BoardEventListener = (event: BoardEventMessage) => void;
/** Registers a listener for the server's board events; returns the unsubscribe function. */
export type SubscribeBoardEvents = (listener: BoardEventListener) => () => void;

/**
 * Local edits the server has not yet acknowledged as committed (COLLAB-23), as a store of its own: the count
 * changes twice per keystroke (edit, acknowledgement), and only the save indicator reads it, not the page.
 */
export interface SaveStatus {
  subscribe: (listener: () => void) => () => void;
  unsaved: () => number;
}

export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider | null;
  awareness: Awareness | null;
  status: ConnectionStatus;
  /** The document holds the server's state (false again while reconnecting). */
  synced: boolean;
  /** Synced at least once since the page opened: the rows shown are the board's, not a blank doc. */
  everSynced: boolean;
  /** Set when the server closed with a code after which retrying cannot help. */
  permanentClose: PermanentClose | null;
  /** The code of the server's last close while reconnecting (cleared once in step again): the banner says why. */
  lastCloseCode: number | null;
  /** The latest role the server sent on this connection (null until the first one arrives). */
  access: AccessMessage | null;
  /** Stable for the life of the connection. */
  subscribeBoardEvents: SubscribeBoardEvents;
  /** Stable for the life of the connection. */
  saves: SaveStatus;
  /**
   * Grows each time edits of this page were moved to the refused ones (COLLAB-29): a refusal close, or an edit
   * made after it. Whoever shows refused edits reads them again then.
   */
  refusals: number;
}

const NOTHING_UNSAVED: SaveStatus = { subscribe: () => () => {}, unsaved: () => 0 };

const INITIAL: Omit<BoardConnection, "doc"> = {
  provider: null,
  awareness: null,
  status: "connecting",
  synced: false,
  everSynced: false,
  permanentClose: null,
  lastCloseCode: null,
  access: null,
  subscribeBoardEvents: () => () => {},
  saves: NOTHING_UNSAVED,
  refusals: 0,
};

export function collabServerUrl(location: Pick<Location, "protocol" | "host">): string {
  const protocol = location.protocol === "https:" ? "wss:" : "ws:";
  // y-websocket appends "/<room>" itself, so the room (board id) completes /collab/<boardId>.
  return `${protocol}//${location.host}${COLLAB_PATH_PREFIX.replace(/\/$/, "")}`;
}

/** `initialState`: the state the page was rendered with; the live document starts from it (no blank flash, no second document). */
export function useBoardConnection(
  boardId: string,
  initialState: Uint8Array | null = null,
  userId: string | null = null,
): BoardConnection {
  const [connection, setConnection] = useState<Omit<BoardConnection, "doc">>(INITIAL);
  // Before any listener: it is the server's own state, not an unsent edit. A new board gets a new document.
  const [live, setLive] = useState(() => ({ boardId, doc: docFromSnapshot(initialState) }));
  if (live.boardId !== boardId) setLive({ boardId, doc: docFromSnapshot(initialState) });
  const doc = live.doc;

  useEffect(() => {
    const saveListeners = new Set<() => void>();
    const tracker = new SaveTracker(() => saveListeners.forEach((listener) => listener()));
    const saves: SaveStatus = {
      subscribe: (listener) => {
        saveListeners.add(listener);
        return () => void saveListeners.delete(listener);
      },
      unsaved: () => tracker.unsavedCount,
    };
    /** Counts the frames the provider sends on each socket, as the server numbers them for acknowledgements. */
    class TrackedWebSocket extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        tracker.socketOpened();
      }
      send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
        if (data instanceof Uint8Array) tracker.frameSent(data);
        super.send(data);
      }
    }
    // No BroadcastChannel: every update goes through the server, which validates it and stamps presence.
    // It connects once the edits kept from an earlier page are back in the document (below).
    const provider = new WebsocketProvider(collabServerUrl(window.location), boardId, doc, {
      disableBc: true,
      WebSocketPolyfill: TrackedWebSocket,
      connect: false,
    });
    let restoring = true;
    let destroyed = false;
    const awareness = provider.awareness;
    awareness.setLocalState({ focus: null });

    let wsStatus: "connecting" | "connected" | "disconnected" = "connecting";
    let wasConnected = false;
    let everSynced = false;
    let permanentClose: PermanentClose | null = null;
    let lastCloseCode: number | null = null;
    let access: AccessMessage | null = null;
    /** The close code that refused this page's edits, once one did: the document now holds what the server refused. */
    let refusedBy: number | null = null;
    let refusals = 0;
    const eventListeners = new Set<BoardEventListener>();
    const subscribeBoardEvents: SubscribeBoardEvents = (listener) => {
      eventListeners.add(listener);
      return () => void eventListeners.delete(listener);
    };

    const publish = () => {
      const online = navigator.onLine !== false;
      let status: ConnectionStatus;
      if (permanentClose || !online) status = "offline";
      else if (wsStatus === "connected") status = "connected";
      else status = wasConnected || provider.wsUnsuccessfulReconnects > 0 ? "reconnecting" : "connecting";
      setConnection({
        provider,
        awareness,
        status,
        synced: provider.synced,
        everSynced,
        permanentClose,
        lastCloseCode,
        access,
        subscribeBoardEvents,
        saves,
        refusals,
      });
    };

    // Remit extension: the server tells us our role on join and whenever the chair changes it.
    // Nothing is written to the encoder, so y-websocket sends no reply.
    provider.messageHandlers[MessageType.access] = (_encoder, decoder) => {
      const message = parseAccessMessage(decoding.readVarString(decoder));
      if (!message) return;
      access = message;
      publish();
    };
    // Remit extension (COLLAB-23): frames up to n of this socket are committed to the database.
    provider.messageHandlers[MessageType.ack] = (_encoder, decoder) => {
      const committed = tracker.acknowledged(decoding.readVarUint(decoder));
      if (userId) void deleteEdits(userId, boardId, committed);
    };
    // Remit extension: something outside the document changed (or our edit of an agreed row was undone).
    provider.messageHandlers[MessageType.boardEvent] = (_encoder, decoder) => {
      const event = parseBoardEventMessage(decoding.readVarString(decoder));
      if (!event) return;
      for (const listener of [...eventListeners]) listener(event);
    };

    const onStatus = ({ status }: { status: "connecting" | "connected" | "disconnected" }) => {
      wsStatus = status;
      if (status === "connected") wasConnected = true;
      publish();
    };
    const onSync = (synced: boolean) => {
      if (synced) {
        everSynced = true;
        lastCloseCode = null;
      }
      publish();
    };
    // Edits kept in IndexedDB leave the resend queue for the refused ones (COLLAB-29); then the page re-reads them.
    const refuse = (keys: string[], code: number) => {
      if (!userId) return;
      void refuseEdits(userId, boardId, keys, code).then(() => {
        refusals += 1;
        if (!destroyed) publish();
      });
    };
    const onClose = (event: CloseEvent | null) => {
      lastCloseCode = event?.code ?? null;
      // The server refused something this page sent: resending it would be refused again on every sync (and after
      // every reload). Everything unacknowledged is set aside, shown to its author, never resent (COLLAB-29).
      if (event && REFUSAL_CLOSE_CODES.has(event.code) && refusedBy === null) {
        refusedBy = event.code;
        refuse(tracker.refuseAll(), event.code);
      }
      if (event && PERMANENT_CLOSE_CODES.has(event.code)) {
        permanentClose = { code: event.code, reason: event.reason };
        // After the provider has finished handling this close, so it schedules no retry.
        queueMicrotask(() => provider.disconnect());
      }
      publish();
    };
    // Every local edit is unsaved until the server acknowledges it as committed (COLLAB-23). The provider's
    // own update handler ran first (it was registered first), so the tracker knows whether it was sent.
    // Each one is also kept in IndexedDB until then, so a reload or a crash does not lose it (COLLAB-27).
    const onDocUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === provider || origin === SNAPSHOT_ORIGIN || origin === RESTORED_ORIGIN) return;
      const key = userId ? newEditKey() : null;
      if (userId && key) void storeEdit(userId, boardId, key, update);
      // After a refusal the document builds on what the server refused: later edits are set aside with it.
      if (refusedBy !== null) return key ? refuse([key], refusedBy) : undefined;
      tracker.localEdit(key);
    };
    // Ask before the tab is closed or reloaded while anything is unacknowledged, from the first second.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (tracker.unsavedCount === 0) return;
      event.preventDefault();
      event.returnValue = "";
    };
    doc.on("update", onDocUpdate);
    window.addEventListener("beforeunload", onBeforeUnload);

    const onOnline = () => {
      if (!permanentClose && !restoring) provider.connect();
      publish();
    };

    provider.on("status", onStatus);
    provider.on("sync", onSync);
    provider.on("connection-close", onClose);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", publish);
    publish();

    // Edits not acknowledged before the last reload or crash: Yjs merges them idempotently, and the first sync
    // step 2 carries whatever the server lacks, so its acknowledgement releases them all.
    const restore = (edits: StoredEdit[], track: (key: string) => void) => {
      const { keep, drop } = restoreEdits(doc, edits, RESTORED_ORIGIN);
      for (const key of keep) track(key);
      if (userId && drop.length > 0) void deleteEdits(userId, boardId, drop);
    };
    // A store that is slow to answer (a busy or stuck browser) must not keep the board offline: connect without
    // it after a while, and apply its edits when they come, as local edits (sent at once if connected).
    let gaveUp = false;
    const giveUp = new Promise<StoredEdit[]>((resolve) =>
      setTimeout(() => {
        gaveUp = true;
        resolve([]);
      }, RESTORE_TIMEOUT_MS),
    );
    const read = userId ? readEdits(userId, boardId) : Promise.resolve([]);
    void Promise.race([read, giveUp]).then((edits) => {
      if (destroyed) return;
      restore(edits, (key) => tracker.restoredEdit(key));
      restoring = false;
      provider.connect();
    });
    void read.then((edits) => {
      if (gaveUp && !destroyed) restore(edits, (key) => tracker.localEdit(key));
    });

    return () => {
      destroyed = true;
      window.removeEventListener("beforeunload", onBeforeUnload);

      doc.off("update", onDocUpdate);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", publish);
      provider.off("status", onStatus);
      provider.off("sync", onSync);
      provider.off("connection-close", onClose);
      eventListeners.clear();
      saveListeners.clear();
      awareness.setLocalState(null);
      provider.destroy();
      setConnection(INITIAL);
    };
  }, [doc, boardId, userId]);

  return useMemo(() => ({ ...connection, doc }), [connection, doc]);
}
