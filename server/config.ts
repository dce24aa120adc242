/**
 * Environment, validated once at start-up. A bad variable stops the server
 * with one clear line per problem instead of failing later in odd ways.
 */
import * as z from "zod";
import { classifiedLevelIn, DEFAULT_MARKINGS, MAX_MARKING_LENGTH, MAX_MARKINGS } from "../core/markings";

const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"], { message: "use true or false" })
  .transform((value) => ["1", "true", "yes", "on"].includes(value));

const positiveInt = (fallback: number) =>
  z.coerce.number({ message: "must be a number" }).int().positive().default(fallback);

/**
 * "|"-separated markings a chair may choose from (a marking may hold commas). Remit is not accredited for
 * classified information: a list naming a classified level stops the server, naming the level (MARK-2).
 */
const markingList = z
  .string()
  .transform((value) =>
    value
      .split("|")
      .map((marking) => marking.trim().replace(/\s+/g, " "))
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .max(MAX_MARKING_LENGTH, `each marking at most ${MAX_MARKING_LENGTH} characters`)
          .regex(/^[\p{L}\p{N} .,:;()/'<>+-]+$/u, "letters, digits, spaces and . , : ; ( ) / ' + - only"),
      )
      .min(1, "name at least one marking")
      .max(MAX_MARKINGS, `at most ${MAX_MARKINGS} markings`)
      .superRefine((markings, ctx) => {
        for (const marking of markings) {
          const level = classifiedLevelIn(marking);
          if (level)
            ctx.addIssue({
              code: "custom",
              message:
                `"${marking}" names the classified level ${level}; Remit is not accredited for classified ` +
                "information: use unclassified markings only (PUBLIC, NATO UNCLASSIFIED, EU LIMITE…)",
            });
        }
        if (new Set(markings).size !== markings.length)
          ctx.addIssue({ code: "custom", message: "a marking is listed twice" });
      }),
  );

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce.number({ message: "must be a number" }).int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgres:// (PostgreSQL)")
    .default("file:./data/remit.db"),
  /** Comma-separated extra origins allowed to open WebSockets, e.g. https://remit.example.org */
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ message: "each entry must be an origin like https://host:port" }))),
  MAX_FRAME_BYTES: positiveInt(2 * 1024 * 1024),
  /** A board's log is compacted into a snapshot once at least this many updates were logged since the last one. */
  COMPACT_EVERY: positiveInt(200),
  /**
   * Each compaction waits, at random, up to this fraction of COMPACT_EVERY more (PERF-74), so boards loaded together
   * do not compact in the same second; 0 compacts at exactly COMPACT_EVERY. Unset: 0.5 (DEFAULT_COMPACT_SPREAD).
   */
  COMPACT_SPREAD: z.coerce.number({ message: "must be a number" }).min(0).max(4).optional(),
  /** Compactions running at once across all boards. */
  COMPACTION_CONCURRENCY: positiveInt(2),
  /** Bearer token for /metrics; without it /metrics answers only direct requests from localhost. */
  METRICS_TOKEN: z.string().min(16, "use at least 16 characters").optional(),
  /** Open collaboration sockets one sign-in session may hold (every board, every tab). */
  MAX_SOCKETS_PER_SESSION: positiveInt(20),
  /** Open collaboration sockets on one board. */
  MAX_SOCKETS_PER_BOARD: positiveInt(200),
  /** Frames one socket may send per second (a burst of one second's worth passes). */
  MAX_FRAMES_PER_SECOND: positiveInt(200),
  /** Bytes one socket may send per second (at least MAX_FRAME_BYTES, so one full frame always fits). */
  MAX_BYTES_PER_SECOND: positiveInt(8 * 1024 * 1024),
  /** A client's presence (cursor, focus) is relayed at most once per this many ms; 0 relays at once. */
  AWARENESS_INTERVAL_MS: z.coerce.number({ message: "must be a number" }).int().min(0).max(10_000).default(100),
  /** Seed demo accounts and a demo board on an empty database. */
  DEMO: booleanFlag.default(true),
  /** Behind a reverse proxy: trust X-Forwarded-For/-Proto (client IP for rate limits, https for Secure cookies). */
  TRUST_PROXY: booleanFlag.default(false),
  /** Budget of one import or export job in the worker pool: wall time (ms) and heap (MiB); 0 workers = cores - 1. */
  FILE_JOB_TIMEOUT_MS: positiveInt(120_000),
  FILE_JOB_MEMORY_MB: positiveInt(512),
  FILE_WORKERS: z.coerce.number({ message: "must be a number" }).int().min(0).max(64).default(0),
  /**
   * With TRUST_PROXY, client addresses come from the proxy's X-Forwarded-For: the app must then be reachable
   * only through the proxy. Listening on every interface (HOST=0.0.0.0 or ::) is refused unless this says the
   * network keeps direct traffic out (a container network, a firewall).
   */
  ALLOW_DIRECT_WITH_TRUST_PROXY: booleanFlag.default(false),
  /** Failed sign-ins allowed per (account, client) in 15 minutes (4x that per client over all accounts). */
  LOGIN_ATTEMPTS_PER_WINDOW: positiveInt(5),
  /** Several instances: Redis for fan-out between them and shared login limits (needs PostgreSQL). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
    .optional(),
  /** Prefix of every Redis key and channel (several deployments or tests on one Redis). */
  REDIS_KEY_PREFIX: z.string().max(64).default("remit:"),
  /** While Redis is unreachable, each instance reads new updates of its open boards from the database this often. */
  CLUSTER_POLL_MS: positiveInt(1000),
  /** With Redis up, each instance still checks the database this often for a relayed update it missed. */
  CLUSTER_SAFETY_POLL_MS: positiveInt(10_000),
  /** On SIGTERM, how long /readyz fails before sockets are closed (lets the load balancer stop routing here). */
  DRAIN_DELAY_MS: z.coerce.number({ message: "must be a number" }).int().min(0).default(0),
  /** Longest back-off, in seconds, of an account that keeps failing from many clients. */
  LOGIN_MAX_BACKOFF_SECONDS: positiveInt(60),
  /** Sign-ups allowed per client address per hour. */
  SIGNUPS_PER_HOUR: positiveInt(20),
  /** How often open sockets re-check their session (sign-outs and password resets made by another process). */
  SESSION_RECHECK_SECONDS: positiveInt(5),
  /** The markings a board may carry, "|"-separated; the first is a new board's default. */
  BOARD_MARKINGS: markingList.default(DEFAULT_MARKINGS),
});

export type ServerConfig = z.infer<typeof EnvSchema>;

const ALL_INTERFACES = new Set(["0.0.0.0", "::", "[::]"]);

/** Combinations of variables that are each valid but unsafe together. */
function unsafeCombinations(config: ServerConfig): string[] {
  const problems: string[] = [];
  if (config.TRUST_PROXY && ALL_INTERFACES.has(config.HOST) && !config.ALLOW_DIRECT_WITH_TRUST_PROXY)
    problems.push(
      "  HOST: with TRUST_PROXY=true the app must be reachable only through the proxy (a direct client could " +
        "write its own X-Forwarded-For): listen on the proxy's side (e.g. HOST=127.0.0.1), or set " +
        "ALLOW_DIRECT_WITH_TRUST_PROXY=true if the network already keeps direct traffic out",
    );
  return problems;
}

export class ConfigError extends Error {
  name = "ConfigError";
}

export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")));
  if (parsed.success) {
    const problems = unsafeCombinations(parsed.data);
    if (problems.length > 0) throw new ConfigError(`Invalid environment:\n${problems.join("\n")}`);
    return parsed.data;
  }
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
}
