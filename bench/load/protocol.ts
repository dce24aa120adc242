/** Messages between the load generator (parent) and a server under test (child process). */
export type BenchRequest =
  | { type: "sessions"; count: number }
  | { type: "board"; members: number }
  /** `resetPeak`: start a new peak-RSS window (Linux: the kernel's high-water mark, VmHWM). */
  | { type: "probe"; gc?: boolean; resetPeak?: boolean }
  | { type: "queue"; boardId: string }
  | { type: "flush"; boardId: string }
  | { type: "stored"; boardId: string }
  | { type: "seed"; boardId: string; file: string; tail: number }
  | { type: "room-overhead"; count: number; rows: number }
  /** P4's baseline: raw Yjs applying and encoding P4's updates in the server's process (updates per CPU-second). */
  | { type: "raw-yjs"; writers: number; each: number }
  | { type: "profile-start" }
  /** Stops the profile started by profile-start and writes it (a .cpuprofile) to `file`. */
  | { type: "profile-stop"; file: string }
  | { type: "stop" };

export type BenchResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export interface Probe {
  /** User + system CPU time of the server process so far. */
  cpuMicros: number;
  rss: number;
  heapUsed: number;
  /** V8's heap as reserved, and memory of C++ objects bound to JS (buffers, SQLite statements). */
  heapTotal: number;
  external: number;
  /** Highest RSS since start or the last `resetPeak` (0 where the kernel does not report it). */
  peakRss: number;
  loadedRooms: number;
  /** The server's event loop so far (ms): busy and idle, for its utilisation over a window. */
  eventLoop: { active: number; idle: number };
  /** How late the server's event loop ran its timers since the last probe (ms): the stalls behind a latency tail. */
  loopDelay: { p50: number; p99: number; max: number };
}
