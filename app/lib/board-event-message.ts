/** Reads the server's board events (MessageType.boardEvent): something stored outside the document changed. */
import * as z from "../../core/zod";
import { BOARD_EVENT_KINDS, type BoardEventMessage } from "../../core/collab-protocol";

const BoardEventMessageSchema = z.object({
  kind: z.enum(BOARD_EVENT_KINDS),
  rowId: z.string().max(64).optional(),
});

/** The event, or null when the payload is not valid JSON of the right shape. */
export function parseBoardEventMessage(payload: string): BoardEventMessage | null {
  try {
    const parsed = BoardEventMessageSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
