/** Reads the server's `access` message (MessageType.access): this connection's role on the board. */
import * as z from "../../core/zod";
import { BOARD_ROLES } from "../../core/services";
import type { AccessMessage } from "../../core/collab-protocol";

const AccessMessageSchema = z.object({ role: z.enum(BOARD_ROLES), canWrite: z.boolean() });

/** The message, or null when the payload is not valid JSON of the right shape. */
export function parseAccessMessage(payload: string): AccessMessage | null {
  try {
    const parsed = AccessMessageSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
