/**
 * Picks the fan-out: Redis when REDIS_URL is set (several instances), else in-process (one instance).
 */
import type { BoardBus } from "../collab/board-bus";
import { LocalBusHub } from "../collab/local-bus";
import type { ServerConfig } from "../config";
import { RedisBoardBus } from "./redis-board-bus";

export async function createBoardBus(
  config: Pick<ServerConfig, "REDIS_URL" | "REDIS_KEY_PREFIX">,
  log: (message: string, error?: unknown) => void,
): Promise<BoardBus> {
  if (!config.REDIS_URL) return new LocalBusHub().connect();
  return RedisBoardBus.connect({ url: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, log });
}
