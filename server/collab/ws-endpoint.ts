/**
 * The WebSocket side of the collaboration server: authenticates the HTTP
 * upgrade, then pipes frames between a ws socket and its board's Room.
 * Every socket has an error handler: a frame that breaks the WebSocket
 * protocol closes that socket, never the process.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { randomUUID } from "node:crypto";
import { WebSocketServer, type WebSocket, type RawData } from "ws";
import * as z from "zod";
import { CloseCode, CloseReason, COLLAB_PATH_PREFIX, type BoardEventMessage } from "../../core/collab-protocol";
import type { PresenceUser } from "../../core/presence";
import { ROLE_CAN } from "../../core/roles";
import type { BoardRole } from "../../core/services";
import { encodeAccess, encodeBoardEvent, isEmptyOpening } from "./frames";
import type { CollabConnection, ConnectionActor } from "./connection";
import type { Room } from "./room";
import { corkForTurn, uncorkNow } from "./turn-cork";
import type { RoomRegistry } from "./room-registry";
import { BoardNotFoundError } from "./update-store";
import { everySliced } from "./sliced-rounds";
import {
  DEFAULT_SOCKET_LIMITS,
  FrameBatcher,
  FrameThrottle,
  ReadGate,
  SocketCounter,
  type SocketLimits,
} from "./socket-limits";

const BoardIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export type UpgradeDecision =
  | {
      ok: true;
      user: PresenceUser;
      actor: ConnectionActor | null;
      role: BoardRole;
      readOnlyBoard: boolean;
      /** The session the socket was opened with (its token's hash): the socket closes when it ends. */
      sessionId: string | null;
    }
  | { ok: false; closeCode: number; reason: string };

interface CollabEndpointOptions {
  registry: RoomRegistry;
  /** Decides who is connecting, from the upgrade request (cookie), before any board data is sent. */
  authorize: (request: IncomingMessage, boardId: string) => Promise<UpgradeDecision>;
  /** Origins allowed to open sockets (browsers send Origin; other clients may omit it). */
  isAllowedOrigin: (origin: string | undefined, request: IncomingMessage) => boolean;
  maxFrameBytes: number;
  heartbeatMs: number;
  /** Sockets per session and board, frames and bytes per second per socket (defaults: DEFAULT_SOCKET_LIMITS). */
  limits?: SocketLimits;
  log: (message: string, error?: unknown) => void;
}

/** Frames on the sockets' side of a room (the crash script's trace, COLLAB-41). */
export interface IntakeStages {
  /** Sync step 2 and update frames read from the open sockets. */
  read: number;
  /** Read, waiting for their socket's rate (PERF-32). */
  throttled: number;
  /** Sockets not read (back-pressure or rate). */
  pausedSockets: number;
}

export interface CollabEndpoint {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /**
   * Applies a role change to the user's open sockets on the board at once; null = removed (sockets closed), or,
   * with `withheld`, outside the board's releasability (closed with 4451 and that reason).
   */
  applyAccessChange(boardId: string, userId: string, role: BoardRole | null, withheld?: string): void;
  /** Closes every socket of a user (sessions revoked). */
  closeUserConnections(userId: string): void;
  /** Closes the sockets opened with these sessions (signed out, or found gone by the session re-check). */
  closeSessions(sessionIds: Iterable<string>): void;
  /** The sessions open sockets were opened with (re-checked against the database on an interval). */
  openSessionIds(): string[];
  /** Archiving or restoring reaches open sockets at once: writers turn read-only (or back), and are told. */
  setBoardReadOnly(boardId: string, readOnly: boolean): void;
  /** Sends a board event to everyone connected to the board. */
  broadcastBoardEvent(boardId: string, event: BoardEventMessage): void;
  /** Open sockets (metrics). */
  readonly socketCount: number;
  /** The crash script's trace of where unacknowledged edits are, on the sockets' side. */
  intakeStages(): IntakeStages;
  /** Refuses new sockets from now on (draining); open ones keep working until close(). */
  stopAccepting(): void;
  /** Closes every socket with `code` (default 1001 going away), then makes every room durable. */
  close(code?: number, reason?: string): Promise<void>;
}

class WsConnection implements CollabConnection {
  readonly id = randomUUID();
  alive = true;
  /** Sync step 2 and update frames read from the socket (what the room numbers for acknowledgements). */
  updateFramesRead = 0;
  /** Frames read but waiting for the socket's rate; set once attached. */
  throttled: () => number = () => 0;
  /** Reading stops while the room's backlog (COLLAB-24) or the socket's rate (PERF-32) says so. */
  readonly reading = new ReadGate({
    pause: () => {
      if (this.socket.readyState === this.socket.OPEN) this.socket.pause();
    },
    resume: () => {
      if (this.socket.readyState === this.socket.OPEN) this.socket.resume();
    },
  });
  constructor(
    readonly socket: WebSocket,
    readonly boardId: string,
    readonly user: PresenceUser,
    readonly actor: ConnectionActor | null,
    public role: BoardRole,
    public readOnlyBoard: boolean,
    readonly sessionId: string | null = null,
  ) {}

  canWrite(): boolean {
    return ROLE_CAN.edit(this.role) && !this.readOnlyBoard;
  }

  /** Tells the client its role (Remit extension message), so the UI can switch to or from read-only live. */
  sendAccess(): void {
    this.send(encodeAccess({ role: this.role, canWrite: this.canWrite() }));
  }

  send(frame: Uint8Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    // The turn's frames leave in one write (PERF-70).
    corkForTurn(this.tcp);
    this.socket.send(frame, (error) => {
      if (error) this.socket.terminate();
    });
  }

  /** Several messages in one socket write: every frame of a turn is (PERF-70). */
  sendMany(frames: Uint8Array[]): void {
    for (const frame of frames) this.send(frame);
  }

  flushWrites(): void {
    uncorkNow(this.tcp);
  }

  /** The TCP socket under ws (ws offers no accessor). */
  private get tcp(): Duplex | undefined {
    return (this.socket as unknown as { _socket?: Duplex })._socket;
  }

  pause(): void {
    this.reading.hold("backlog");
  }

  resume(): void {
    this.reading.release("backlog");
  }

  close(code: number, reason: string): void {
    // Close reasons are limited to 123 bytes by the protocol.
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(code, reason.slice(0, 120));
  }
}

/** How long a socket that broke the protocol may take to answer our close frame. */
const CLOSE_GRACE_MS = 1000;

function rejectUpgrade(socket: Duplex, status: number, message: string): void {
  socket.end(`HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${message}\n`);
}

/**
 * The board id of an upgrade's request target, or null when the target is not
 * /collab/<id>. Never throws: the target is whatever an unauthenticated peer
 * sent (`//[` is not a URL, `%E0%A4%A` is not UTF-8), and a throw here would
 * escape the upgrade handler and end the process.
 */
function boardIdFromTarget(target: string | undefined): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(target ?? "/", "http://localhost").pathname);
  } catch {
    return null;
  }
  if (!pathname.startsWith(COLLAB_PATH_PREFIX)) return null;
  const parsed = BoardIdSchema.safeParse(pathname.slice(COLLAB_PATH_PREFIX.length));
  return parsed.success ? parsed.data : null;
}

/** A y-websocket sync step 2 or update message (message type 0, then sync type 1 or 2). */
const isUpdateFrame = (bytes: Uint8Array) => bytes[0] === 0 && (bytes[1] === 1 || bytes[1] === 2);

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export function createCollabEndpoint(options: CollabEndpointOptions): CollabEndpoint {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes });
  const connections = new Set<WsConnection>();
  const limits = options.limits ?? DEFAULT_SOCKET_LIMITS;
  const socketsPerSession = new SocketCounter(limits.maxSocketsPerSession);
  const socketsPerBoard = new SocketCounter(limits.maxSocketsPerBoard);
  wss.on("error", (error) => options.log("websocket server error", error));

  // A slice of the sockets per turn (PERF-78), not all of them in one task.
  const heartbeat = everySliced(
    options.heartbeatMs,
    () => connections,
    (connection) => {
      // A socket we do not read (back-pressure, its rate) cannot show us its pong: that silence is ours.
      if (connection.reading.paused) connection.alive = true;
      else if (!connection.alive) connection.socket.terminate();
      else {
        connection.alive = false;
        connection.socket.ping();
      }
    },
    (connection) => !connections.has(connection),
  );

  function attach(socket: WebSocket, boardId: string, decision: Extract<UpgradeDecision, { ok: true }>): void {
    const sessionKey = decision.sessionId ?? `user:${decision.user.id}`;
    if (!socketsPerSession.tryAdd(sessionKey))
      return socket.close(CloseCode.tooManySockets, CloseReason.sessionSockets);
    if (!socketsPerBoard.tryAdd(boardId)) {
      socketsPerSession.remove(sessionKey);
      return socket.close(CloseCode.tooManySockets, CloseReason.boardSockets);
    }
    const connection = new WsConnection(
      socket,
      boardId,
      decision.user,
      decision.actor,
      decision.role,
      decision.readOnlyBoard,
      decision.sessionId,
    );
    connections.add(connection);
    // Frames that arrive while the room loads are kept, in order, not dropped.
    const pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let room: Room | null = null;
    let closed = false;
    let markOpened!: () => void;
    const opened = new Promise<void>((resolve) => (markOpened = resolve));
    const early = (bytes: Uint8Array) => {
      markOpened();
      pendingBytes += bytes.length;
      if (pendingBytes > options.maxFrameBytes * 4) return connection.close(CloseCode.tooLarge, CloseReason.earlyData);
      pending.push(bytes);
    };
    // The frames of one read go to the room together (PERF-65).
    const batch = new FrameBatcher<Uint8Array>((frames) => {
      if (room) return room.receiveMany(connection, frames);
      for (const bytes of frames) early(bytes);
    });
    // Frames beyond the socket's rate wait their turn, with the socket not read meanwhile (PERF-32).
    const rate = new FrameThrottle<Uint8Array>(limits, connection.reading, (bytes) => batch.push(bytes));

    connection.throttled = () => rate.queued;

    socket.on("pong", () => (connection.alive = true));
    socket.on("message", (data, isBinary) => {
      if (!isBinary) return connection.close(CloseCode.badMessage, CloseReason.textFrame);
      const bytes = toBytes(data);
      if (isUpdateFrame(bytes)) connection.updateFramesRead += 1;
      rate.push(bytes);
    });
    socket.on("close", () => {
      if (closed) return;
      closed = true;
      markOpened();
      rate.stop();
      socketsPerSession.remove(sessionKey);
      socketsPerBoard.remove(boardId);
      connections.delete(connection);
      if (room) options.registry.leave(room, connection);
    });

    let accessSent = false;
    // PERF-45: the board's stored state, sent while its room is built (once this client's first frame is read).
    const answer = (frames: Uint8Array[]): boolean => {
      // Only to a client that has opened holding nothing: the board page starts from the state in its HTML, and the
      // whole snapshot again would cost it most of a fresh apply (its own sync step 1 is answered with what it lacks).
      if (closed || room || !pending.some(isEmptyOpening)) return false;
      connection.sendAccess();
      accessSent = true;
      for (const frame of frames) connection.send(frame);
      return true;
    };
    options.registry.join(boardId, connection, { answer, opened }).then(
      (loaded) => {
        if (closed) return options.registry.leave(loaded, connection);
        room = loaded;
        if (!accessSent) connection.sendAccess();
        for (const frame of pending.splice(0)) loaded.receive(connection, frame);
      },
      (error) => {
        if (error instanceof BoardNotFoundError)
          return connection.close(CloseCode.boardNotFound, CloseReason.boardNotFound);
        options.log(`board ${boardId}: load failed`, error);
        connection.close(CloseCode.loadFailed, CloseReason.loadFailed);
      },
    );
  }

  let accepting = true;

  function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!accepting) return rejectUpgrade(socket, 503, "Service Unavailable");
    // A peer that vanishes (reset, broken pipe) is routine; anything else is worth a line.
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "ECONNRESET" && error.code !== "EPIPE") options.log("upgrade socket error", error);
    });
    const boardId = boardIdFromTarget(request.url);
    if (boardId === null) return rejectUpgrade(socket, 400, "Bad Request");
    if (!options.isAllowedOrigin(request.headers.origin, request))
      return rejectUpgrade(socket, 403, "Forbidden origin");

    options
      .authorize(request, boardId)
      .then(
        (decision) => {
          wss.handleUpgrade(request, socket, head, (ws) => {
            ws.on("error", (error) => {
              options.log(`socket error on board ${boardId}: ${error.message}`);
              // ws has already queued a close frame with the right code (1009 for an oversized frame,
              // 1002 for a protocol error): let it go out, and cut the peer off if it never answers.
              const cutOff = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
              ws.once("close", () => clearTimeout(cutOff));
            });
            if (!decision.ok) return ws.close(decision.closeCode, decision.reason);
            attach(ws, boardId, decision);
          });
        },
        (error) => {
          options.log("authorization failed", error);
          rejectUpgrade(socket, 500, "Internal Server Error");
        },
      )
      .catch((error: unknown) => {
        // An unhandled rejection would end the process: log it and drop only this socket.
        options.log(`upgrade of board ${boardId} failed`, error);
        socket.destroy();
      });
  }

  return {
    stopAccepting() {
      accepting = false;
    },
    handleUpgrade(request, socket, head) {
      try {
        upgrade(request, socket, head);
      } catch (error) {
        // Last line of defence (COLLAB-15): an upgrade never takes the process down.
        options.log("upgrade failed", error);
        if (socket.writable) rejectUpgrade(socket, 400, "Bad Request");
        else socket.destroy();
      }
    },
    applyAccessChange(boardId, userId, role, withheld) {
      for (const connection of connections) {
        if (connection.boardId !== boardId || connection.actor?.userId !== userId) continue;
        if (withheld !== undefined) connection.close(CloseCode.notReleasable, withheld);
        else if (role === null) connection.close(CloseCode.forbidden, CloseReason.removed);
        else {
          connection.role = role;
          connection.sendAccess();
        }
      }
    },
    broadcastBoardEvent(boardId, event) {
      const frame = encodeBoardEvent(event);
      for (const connection of connections) if (connection.boardId === boardId) connection.send(frame);
    },
    closeSessions(sessionIds) {
      const ended = new Set(sessionIds);
      for (const connection of connections) {
        if (connection.sessionId !== null && ended.has(connection.sessionId))
          connection.close(CloseCode.unauthenticated, CloseReason.signedOut);
      }
    },
    openSessionIds() {
      const ids = new Set<string>();
      for (const connection of connections) if (connection.sessionId !== null) ids.add(connection.sessionId);
      return [...ids];
    },
    setBoardReadOnly(boardId, readOnly) {
      for (const connection of connections) {
        if (connection.boardId !== boardId || connection.readOnlyBoard === readOnly) continue;
        connection.readOnlyBoard = readOnly;
        connection.sendAccess();
      }
    },
    get socketCount() {
      return connections.size;
    },
    intakeStages() {
      const stages = { read: 0, throttled: 0, pausedSockets: 0 };
      for (const connection of connections) {
        stages.read += connection.updateFramesRead;
        stages.throttled += connection.throttled();
        if (connection.reading.paused) stages.pausedSockets += 1;
      }
      return stages;
    },
    closeUserConnections(userId) {
      for (const connection of connections) {
        if (connection.actor?.userId === userId) connection.close(CloseCode.unauthenticated, CloseReason.signedOut);
      }
    },
    async close(code = CloseCode.goingAway, reason: string = CloseReason.shuttingDown) {
      accepting = false;
      heartbeat.stop();
      const socketsClosed = [...connections].map(
        (connection) => new Promise<void>((resolve) => connection.socket.once("close", () => resolve())),
      );
      for (const connection of connections) connection.close(code, reason);
      // Give clients a moment to answer the close handshake, then cut the rest.
      const cutOff = setTimeout(() => connections.forEach((connection) => connection.socket.terminate()), 1000);
      await Promise.all(socketsClosed);
      clearTimeout(cutOff);
      await options.registry.shutdown();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
