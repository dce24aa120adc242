/**
 * Assembles Remit: database, services, the Remix request handler and the
 * collaboration endpoint on one HTTP server. Used by server/index.ts and by
 * the integration tests (which start it on port 0 with a fresh database).
 */
import { createBoardMarkingServices } from "./access/board-marking-service";
import type { BoardMarkingServices } from "../core/marking-contract";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import compression from "compression";
import express from "express";
import type { ServerBuild } from "@remix-run/node";
import { createCollabEndpoint, type CollabEndpoint } from "./collab/ws-endpoint";
import { RoomRegistry } from "./collab/room-registry";
import type { UpdateStore } from "./collab/update-store";
import type { ServerConfig } from "./config";
import { createPrismaClient, type PrismaClient } from "./db/prisma-client";
import { migrateDatabase } from "./db/migrate";
import { PrismaUpdateStore } from "./db/prisma-update-store";
import { createOpsMetrics, metricsHandler, type OpsMetrics } from "./ops/metrics";
import { createRemitServices } from "./services";
import { sessionAuthorizer, warmUpAuthorization } from "./collab-authorization";
import { originChecker } from "./origin-check";
import { createAuthServices, seedDelegations } from "./auth/auth-service";
import { createBoardAccessServices } from "./access/board-access-service";
import { createActivityLog, type ActivityLog } from "./db/activity-log";
import { seedDemo } from "./demo-seed";
import { noStoreByDefault, securityHeaders } from "./http-security";
import { clientBuildAssets } from "./static-assets";
import { remixRequestHandler } from "./remix-handler";
import { watchSessions, type SessionWatch } from "./auth/session-watch";
import { createConsensusService, type ConsensusService } from "./consensus/consensus-service";
import { createCommentService, type CommentService } from "./consensus/comment-service";
import { createBracketService, type BracketService } from "./brackets/bracket-service";
import { readOpenBrackets } from "./brackets/bracket-records";
import { systemClock, type Clock } from "./consensus/clock";
import { createVersionServices } from "./versions/version-service";
import { createMeetingServices } from "./meeting/meeting-service";
import { createMatrixFileServices } from "./files/matrix-file-services";
import { createRecordServices } from "./record/record-service";
import type { MeetingRecordServices } from "../core/record-contract";
import type { VersionServices } from "../core/version-contract";
import type {
  BoardAccessServices,
  BoardDocumentServices,
  MatrixFileServices,
  MeetingServices,
  RemitLoadContext,
  RemitServices,
} from "../core/services";
import { CloseCode, CloseReason, type BoardEventMessage } from "../core/collab-protocol";
import type { BoardBus, ClusterMessage } from "./collab/board-bus";
import { LocalBusHub } from "./collab/local-bus";
import type { AttemptStore } from "./auth/rate-limiter";
import { registerClusterMetrics } from "./cluster/cluster-metrics";

export interface RemitServer {
  readonly url: string;
  readonly port: number;
  readonly prisma: PrismaClient;
  /** The update log and snapshots (benchmarks and tests read what is stored through it). */
  readonly store: UpdateStore;
  readonly services: RemitServices;
  readonly auth: ReturnType<typeof createAuthServices>;
  readonly access: BoardAccessServices;
  readonly activity: ActivityLog;
  readonly consensus: ConsensusService;
  readonly comments: CommentService;
  readonly brackets: BracketService;
  /** The agenda and the tour de table (decision 021). */
  readonly meeting: MeetingServices;
  readonly versions: VersionServices;
  /** Board markings and releasability (what routes get as context.markings). */
  readonly markings: BoardMarkingServices;
  readonly registry: RoomRegistry;
  readonly collab: CollabEndpoint;
  readonly metrics: OpsMetrics;
  readonly bus: BoardBus;
  /** Imports and exports, in the worker pool (what the routes get as context.files). */
  readonly files: MatrixFileServices;
  /** Records of meetings (decision 022). */
  readonly record: MeetingRecordServices;
  readonly sessionWatch: SessionWatch;
  /** True from SIGTERM on: /readyz answers 503. */
  readonly draining: boolean;
  /**
   * SIGTERM: /readyz fails at once, after `DRAIN_DELAY_MS` no new connections are taken, open boards are
   * made durable, sockets close with 1012 "service restart" (clients reconnect, to another instance), stop.
   */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export interface RemitServerOptions {
  config: ServerConfig;
  /** The Remix server build; without it only the collaboration endpoint and /healthz are served. */
  build?: ServerBuild | (() => Promise<ServerBuild>);
  log?: (message: string, error?: unknown) => void;
  /** How long an empty room stays loaded (tests use 0). */
  unloadDelayMs?: number;
  /** Time source for silence deadlines, sign-in back-offs and session expiry (tests inject one). */
  clock?: Clock;
  /** Fan-out between instances (tests inject an in-process hub); default from REDIS_URL. */
  bus?: BoardBus;
}

/**
 * The fan-out, and where sign-in attempts are counted: in Redis with several instances (REDIS_URL), in memory
 * with one. The Redis modules (and ioredis, about 0.3 s of CPU) load only when Redis is used (PERF-34).
 */
async function connectBus(
  config: ServerConfig,
  log: (message: string, error?: unknown) => void,
  injected?: BoardBus,
): Promise<{ bus: BoardBus; attemptStore?: AttemptStore }> {
  if (!injected && !config.REDIS_URL) return { bus: new LocalBusHub().connect() };
  const [{ createBoardBus }, { RedisBoardBus }, { RedisAttemptStore }] = await Promise.all([
    import("./cluster/board-bus-factory"),
    import("./cluster/redis-board-bus"),
    import("./cluster/redis-attempt-store"),
  ]);
  const bus = injected ?? (await createBoardBus(config, log));
  // Several instances count sign-in attempts together in Redis; one instance keeps them in memory.
  const attemptStore =
    bus instanceof RedisBoardBus ? new RedisAttemptStore(bus.commands, config.REDIS_KEY_PREFIX) : undefined;
  return { bus, attemptStore };
}

const defaultLog = (message: string, error?: unknown) =>
  error ? console.error(`[remit] ${message}:`, error) : console.log(`[remit] ${message}`);

export async function startRemitServer(options: RemitServerOptions): Promise<RemitServer> {
  const { config } = options;
  const log = options.log ?? defaultLog;
  if ((await migrateDatabase(config.DATABASE_URL)).deployed) log("database migrations applied");
  const prisma = await createPrismaClient(config.DATABASE_URL);
  const store = new PrismaUpdateStore(prisma);
  let onArchived: (boardId: string, archived: boolean) => void = () => undefined;
  const services = await createRemitServices({
    prisma,
    store,
    onArchivedChanged: (boardId, archived) => onArchived(boardId, archived),
  });
  await seedDelegations(prisma);
  const activity = createActivityLog({ prisma, log });
  const { bus, attemptStore } = await connectBus(config, log, options.bus);

  // The endpoint is created after the services that notify it; these forward to it. Every notice is applied
  // here and published to the other instances, which apply it to their own sockets (see applyCluster below).
  let collab: CollabEndpoint | null = null;
  const everywhere = (message: ClusterMessage) => {
    applyHere(message);
    bus.publishCluster(message);
  };
  const auth = createAuthServices({
    prisma,
    loginAttemptsPerWindow: config.LOGIN_ATTEMPTS_PER_WINDOW,
    loginWindowMs: 15 * 60 * 1000,
    loginMaxBackoffMs: config.LOGIN_MAX_BACKOFF_SECONDS * 1000,
    signUpsPerHour: config.SIGNUPS_PER_HOUR,
    attemptStore,
    // Sign-in back-offs and session expiry follow the server's clock, so tests can move past a back-off.
    now: () => (options.clock ?? systemClock).now(),
    onSessionsRevoked: (userId) => everywhere({ kind: "sign-out", userId }),
    onSessionEnded: (sessionId) => everywhere({ kind: "session-ended", sessionIds: [sessionId] }),
  });
  const access = createBoardAccessServices({
    prisma,
    boards: services,
    onAccessChanged: (boardId, userId, role) => everywhere({ kind: "access", boardId, userId, role }),
    // Who takes part in consensus follows membership: clients re-read positions.
    onMembershipChanged: (boardId) => everywhere({ kind: "board-event", boardId, event: { kind: "positions" } }),
  });
  if (config.DEMO && (await seedDemo(prisma, auth, access))) log("demo accounts and board created (DEMO=true)");

  const events = (boardId: string, event: BoardEventMessage) => everywhere({ kind: "board-event", boardId, event });
  let consensus: ConsensusService | null = null;
  function applyHere(message: ClusterMessage): void {
    if (message.kind === "sign-out") collab?.closeUserConnections(message.userId);
    else if (message.kind === "session-ended") collab?.closeSessions(message.sessionIds);
    else if (message.kind === "board-read-only") collab?.setBoardReadOnly(message.boardId, message.readOnly);
    else if (message.kind === "access")
      collab?.applyAccessChange(message.boardId, message.userId, message.role, message.withheld);
    else collab?.broadcastBoardEvent(message.boardId, message.event);
  }
  bus.onCluster((message) => {
    applyHere(message);
    // Another instance changed a row's workflow: refresh the agreed-rows lock and silence timer here.
    if (message.kind === "board-event" && message.event.kind === "workflow" && message.event.rowId)
      consensus
        ?.refreshRow(message.boardId, message.event.rowId)
        .catch((error) => log(`board ${message.boardId}: workflow refresh failed`, error));
  });
  bus.onPushChange((available) => {
    // Workflow events published while Redis was down are lost: re-read the row states.
    if (available) consensus?.refreshAll().catch((error) => log("workflow refresh failed", error));
  });
  // The metrics read the registry and the endpoint, which are created below.
  let readStats: () => ReturnType<RoomRegistry["stats"]> = () => ({
    rooms: 0,
    writeQueue: 0,
    unacknowledged: 0,
    compactionsRunning: 0,
    compactionsQueued: 0,
  });
  let readRegistry: () => { poisonedRooms: number; refusalsByRule: ReadonlyMap<string, number> } = () => ({
    poisonedRooms: 0,
    refusalsByRule: new Map(),
  });
  const metrics = createOpsMetrics({
    stats: () => readStats(),
    sockets: () => collab?.socketCount ?? 0,
    poisonedRooms: () => readRegistry().poisonedRooms,
    refusalsByRule: () => readRegistry().refusalsByRule,
  });
  registerClusterMetrics(metrics.registry, bus);
  const registry = new RoomRegistry(store, {
    compactionConcurrency: config.COMPACTION_CONCURRENCY,
    metrics: metrics.collab,
    bus,
    degradedPollMs: config.CLUSTER_POLL_MS,
    safetyPollMs: config.CLUSTER_SAFETY_POLL_MS,
    compactEvery: config.COMPACT_EVERY,
    compactSpread: config.COMPACT_SPREAD,
    maxRejectedWrites: 5,
    awarenessIntervalMs: config.AWARENESS_INTERVAL_MS,
    unloadDelayMs: options.unloadDelayMs ?? 5_000,
    log,
    onActivity: (boardId, actor, changes) => {
      activity.record(boardId, actor, changes);
      consensus?.onRowsEdited(
        boardId,
        changes.filter((change) => change.kind !== "row-moved").map((change) => change.rowId),
      );
    },
    lockedRows: (boardId) => consensus?.lockedRows(boardId) ?? new Set(),
  });
  readStats = () => registry.stats();
  readRegistry = () => registry;

  let brackets: BracketService | null = null;
  consensus = createConsensusService({
    prisma,
    access,
    readLiveRow: (boardId, rowId) => registry.readRow(boardId, rowId),
    readLiveRows: (boardId) => registry.readRows(boardId),
    events,
    clock: options.clock ?? systemClock,
    log,
    openBrackets: (boardId, rowId) => brackets?.hasOpenBrackets(boardId, rowId) ?? Promise.resolve(false),
  });
  const bracketService = createBracketService({
    prisma,
    access,
    readLiveRow: (boardId, rowId) => registry.readRow(boardId, rowId),
    events,
    clock: options.clock ?? systemClock,
    workflow: consensus,
    writeChange: (boardId, change, authorId) => registry.writeChange(boardId, change, authorId),
  });
  brackets = bracketService;
  await consensus.start();
  const consensusService = consensus;
  const versions = createVersionServices({
    prisma,
    registry,
    consensus: consensusService,
    access,
    services,
    events,
    brackets: { readOpenBrackets: (boardId) => readOpenBrackets(prisma, boardId) },
    log: (message) => log(message),
  });
  const comments = createCommentService({
    prisma,
    access,
    events,
    readLiveRow: (boardId, rowId) => registry.readRow(boardId, rowId),
    now: () => (options.clock ?? systemClock).now(),
  });
  const meeting = createMeetingServices({
    prisma,
    access,
    events,
    readLiveRows: (boardId) => registry.readRows(boardId),
    now: () => (options.clock ?? systemClock).now(),
  });
  const authorize = sessionAuthorizer(auth, access);
  collab = createCollabEndpoint({
    registry,
    authorize: (request: IncomingMessage, boardId: string) => authorize(request, boardId),
    isAllowedOrigin: originChecker(config.ALLOWED_ORIGINS),
    maxFrameBytes: config.MAX_FRAME_BYTES,
    heartbeatMs: 30_000,
    limits: {
      maxSocketsPerSession: config.MAX_SOCKETS_PER_SESSION,
      maxSocketsPerBoard: config.MAX_SOCKETS_PER_BOARD,
      maxFramesPerSecond: config.MAX_FRAMES_PER_SECOND,
      // One full frame must always fit.
      maxBytesPerSecond: Math.max(config.MAX_BYTES_PER_SECOND, config.MAX_FRAME_BYTES),
    },
    log,
  });
  const endpointForHooks = collab;
  onArchived = (boardId, archived) => {
    everywhere({ kind: "board-read-only", boardId, readOnly: archived });
    consensusService.onBoardArchived(boardId, archived);
  };
  const sessionWatch = watchSessions({
    intervalMs: config.SESSION_RECHECK_SECONDS * 1000,
    openSessionIds: () => endpointForHooks.openSessionIds(),
    liveSessionIds: (ids) => auth.liveSessionIds(ids),
    closeSessions: (ids) => endpointForHooks.closeSessions(ids),
    log,
  });

  const app = express();
  app.disable("x-powered-by");
  // One hop, the reverse proxy: `true` would take the left-most X-Forwarded-For entry, which the client writes
  // itself, so anyone could pick a new "IP" per attempt and slip past the per-IP sign-in limit.
  app.set("trust proxy", config.TRUST_PROXY ? 1 : false);
  app.use(securityHeaders);
  // Brotli when the browser accepts it, else gzip: HTML, JS, CSS, JSON and CSV shrink 3-4x (the board's JS
  // from ~740 KB to under 200 KB); already-compressed types (PDF, XLSX, images) are left alone by the filter.
  app.use(compression());
  // Browsers still ask for /favicon.ico on pages without an icon link (error pages, PDFs, JSON).
  app.get("/favicon.ico", (_request, response) => response.redirect(301, "/favicon.svg"));
  app.get("/healthz", (_request, response) => {
    response.json({ ok: true });
  });
  let draining = false;
  // Ready = take new work: not while draining (the load balancer routes new sockets elsewhere), and only
  // while the database answers.
  app.get("/readyz", (_request, response) => {
    if (draining) {
      response.status(503).json({ ok: false, reason: "draining" });
      return;
    }
    store.ping().then(
      () => response.json({ ok: true, fanOut: bus.pushAvailable ? "redis" : "polling" }),
      (error: unknown) => {
        log("readiness check: database unreachable", error);
        response.status(503).json({ ok: false, reason: "database unreachable" });
      },
    );
  });
  app.get("/metrics", metricsHandler(metrics, config.METRICS_TOKEN));
  // Everyone on the board picks a new custom instrument at once (they re-read the list), no reload needed.
  const routeServices: RemitServices = {
    ...services,
    async createCustomInstrument(boardId, input) {
      const instrument = await services.createCustomInstrument(boardId, input);
      events(boardId, { kind: "instruments" });
      return instrument;
    },
  };
  const documents: BoardDocumentServices = { readState: (boardId) => registry.readState(boardId) };
  const markings = createBoardMarkingServices({
    prisma,
    access,
    options: config.BOARD_MARKINGS,
    onWithheld: (boardId, userId, reason) =>
      everywhere({ kind: "access", boardId, userId, role: null, withheld: reason }),
  });
  const files = createMatrixFileServices({
    timeoutMs: config.FILE_JOB_TIMEOUT_MS,
    memoryMb: config.FILE_JOB_MEMORY_MB,
    threads: config.FILE_WORKERS || undefined,
    onWorkerError: (error) => log("file worker died outside a job", error),
  });
  const record = createRecordServices({
    prisma,
    access,
    readLiveTitles: async (boardId) => new Map((await registry.readRows(boardId)).map((row) => [row.id, row.title])),
    render: files.renderRecord,
    now: () => (options.clock ?? systemClock).now(),
  });
  if (options.build) {
    app.use("/build", clientBuildAssets("public/build"));
    app.use(express.static("public", { maxAge: "1h" }));
    app.use(noStoreByDefault);
    app.all(
      "*",
      remixRequestHandler(
        options.build,
        (request, response) =>
          ({
            services: routeServices,
            auth,
            access,
            clientIp: request.ip ?? "unknown",
            secureCookies: request.secure,
            cspNonce: response.locals.cspNonce as string,
            consensus: consensusService,
            comments,
            brackets: bracketService,
            versions,
            files,
            documents,
            record,
            meeting,
            markings,
          }) satisfies RemitLoadContext,
      ),
    );
  }

  // Before listening, so the first socket after a restart does not pay for the first queries (PERF-61).
  await warmUpAuthorization(auth, access);
  const httpServer: Server = createServer(app);
  const endpoint = collab;
  httpServer.on("upgrade", (request, socket, head) => endpoint.handleUpgrade(request, socket, head));
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

  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      sessionWatch.stop();
      consensusService.stop();
      await endpoint.close();
      await bus.close();
      await activity.flush();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await prisma.$disconnect();
      await files.close();
    })());

  return {
    url: `http://${displayHost}:${port}`,
    port,
    prisma,
    store,
    services,
    auth,
    access,
    markings,
    activity,
    consensus: consensusService,
    comments,
    brackets: bracketService,
    meeting,
    versions,
    registry,
    collab: endpoint,
    metrics,
    bus,
    files,
    record,
    sessionWatch,
    get draining() {
      return draining;
    },
    async drain() {
      draining = true;
      if (config.DRAIN_DELAY_MS > 0) await new Promise((resolve) => setTimeout(resolve, config.DRAIN_DELAY_MS));
      endpoint.stopAccepting();
      httpServer.close(); // no new connections; requests in flight finish
      // Durable before the sockets close, so a client reconnecting elsewhere finds its edits in the log.
      await registry.flushAll();
      consensusService.stop();
      await endpoint.close(CloseCode.serviceRestart, CloseReason.draining);
      await stop();
    },
    stop,
  };
}
