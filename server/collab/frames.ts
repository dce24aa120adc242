/**
 * y-websocket frame codec. Decoding is strict: anything that is not exactly one
 * well-formed message throws FrameError, and the connection is closed with
 * CloseCode.badMessage before any state is touched.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { MessageType, type AccessMessage, type BoardEventMessage } from "../../core/collab-protocol";

const SyncType = { step1: 0, step2: 1, update: 2 } as const;

type ClientFrame =
  | { kind: "sync-step1"; stateVector: Uint8Array }
  | { kind: "sync-step2"; update: Uint8Array }
  | { kind: "update"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "query-awareness" };

export class FrameError extends Error {
  name = "FrameError";
}

function readPayload(decoder: decoding.Decoder): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder);
  } catch {
    throw new FrameError("payload length exceeds the frame");
  }
}

export function decodeClientFrame(data: Uint8Array): ClientFrame {
  if (data.length === 0) throw new FrameError("empty frame");
  const decoder = decoding.createDecoder(data);
  let frame: ClientFrame;
  try {
    const messageType = decoding.readVarUint(decoder);
    if (messageType === MessageType.sync) {
      const syncType = decoding.readVarUint(decoder);
      const payload = readPayload(decoder);
      if (syncType === SyncType.step1) frame = { kind: "sync-step1", stateVector: payload };
      else if (syncType === SyncType.step2) frame = { kind: "sync-step2", update: payload };
      else if (syncType === SyncType.update) frame = { kind: "update", update: payload };
      else throw new FrameError(`unknown sync message type ${syncType}`);
    } else if (messageType === MessageType.awareness) {
      frame = { kind: "awareness", update: readPayload(decoder) };
    } else if (messageType === MessageType.queryAwareness) {
      frame = { kind: "query-awareness" };
    } else {
      throw new FrameError(`unsupported message type ${messageType}`);
    }
  } catch (error) {
    if (error instanceof FrameError) throw error;
    throw new FrameError("truncated frame");
  }
  if (decoding.hasContent(decoder)) throw new FrameError("trailing bytes after message");
  return frame;
}

/** A sync step 1 with an empty state vector: the opening of a client that holds nothing of the board yet. */
export function isEmptyOpening(data: Uint8Array): boolean {
  try {
    const frame = decodeClientFrame(data);
    return frame.kind === "sync-step1" && Y.decodeStateVector(frame.stateVector).size === 0;
  } catch {
    return false;
  }
}

function encodeSync(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => encodeSync(SyncType.step1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array) => encodeSync(SyncType.step2, update);
export const encodeUpdate = (update: Uint8Array) => encodeSync(SyncType.update, update);

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function encodeJsonMessage(messageType: number, payload: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType);
  encoding.writeVarString(encoder, JSON.stringify(payload));
  return encoding.toUint8Array(encoder);
}

/** COLLAB-23: `frames` sync step 2 / update frames of this connection are durable; `seq` = board's last log row. */
export function encodeAck(frames: number, seq: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.ack);
  encoding.writeVarUint(encoder, frames);
  encoding.writeVarUint(encoder, seq);
  return encoding.toUint8Array(encoder);
}

export const encodeAccess = (message: AccessMessage) => encodeJsonMessage(MessageType.access, message);
export const encodeBoardEvent = (event: BoardEventMessage) => encodeJsonMessage(MessageType.boardEvent, event);
