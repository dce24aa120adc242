/**
 * Who is on the other end of a WebSocket, until accounts exist: the guest
 * identity cookie chosen on first visit. The server stamps it into presence.
 */
import type { IncomingMessage } from "node:http";
import { CloseCode } from "../app/lib/collab-protocol";
import { readGuestIdentity } from "../app/lib/guest-identity";
import { colorFor } from "../app/lib/presence";
import type { RemitServices } from "../app/load-context";
import type { UpgradeDecision } from "./collab/ws-endpoint";

export async function authorizeGuest(request: IncomingMessage, boardId: string, services: RemitServices): Promise<UpgradeDecision> {
  const guest = readGuestIdentity(request.headers.cookie);
  if (!guest) return { ok: false, closeCode: CloseCode.unauthenticated, reason: "choose a name first" };
  const board = await services.getBoard(boardId);
  if (!board) return { ok: false, closeCode: CloseCode.boardNotFound, reason: "board not found" };
  return {
    ok: true,
    user: { id: guest.id, name: guest.name, delegation: guest.delegation, color: colorFor(guest.id) },
    authorId: null,
    canWrite: () => board.archivedAt === null,
  };
}
