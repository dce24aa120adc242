/**
 * Server → client notices that something stored outside the Yjs document
 * changed (comments, positions, workflow, versions), sent over the board's
 * collaboration sockets as a Remit extension message. They carry no data:
 * clients re-read through the authorised loaders.
 */
import type { BoardEventMessage } from "../../core/collab-protocol";

type BoardEvent = BoardEventMessage;

export type BoardEventSink = (boardId: string, event: BoardEvent) => void;
