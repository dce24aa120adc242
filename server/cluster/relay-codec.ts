/**
 * Wire format of BoardBus messages on Redis. Board messages are binary (Yjs updates are bytes; no base64):
 * varstring origin instance, varuint kind, varuint seq (updates), varuint8array payload.
 * Cluster messages are rare and small: JSON with the origin.
 */
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import type { BoardRelayMessage, ClusterMessage } from "../collab/board-bus";

const UPDATE = 0;
const AWARENESS = 1;

export function encodeRelay(origin: string, message: BoardRelayMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, origin);
  encoding.writeVarUint(encoder, message.kind === "update" ? UPDATE : AWARENESS);
  if (message.kind === "update") encoding.writeVarUint(encoder, message.seq);
  encoding.writeVarUint8Array(encoder, message.data);
  return encoding.toUint8Array(encoder);
}

export function decodeRelay(bytes: Uint8Array): { origin: string; message: BoardRelayMessage } {
  const decoder = decoding.createDecoder(bytes);
  const origin = decoding.readVarString(decoder);
  const kind = decoding.readVarUint(decoder);
  if (kind === UPDATE) {
    const seq = decoding.readVarUint(decoder);
    return { origin, message: { kind: "update", seq, data: decoding.readVarUint8Array(decoder) } };
  }
  if (kind === AWARENESS) return { origin, message: { kind: "awareness", data: decoding.readVarUint8Array(decoder) } };
  throw new Error(`unknown relay message kind ${kind}`);
}

export function encodeCluster(origin: string, message: ClusterMessage): string {
  return JSON.stringify({ origin, message });
}

export function decodeCluster(text: string): { origin: string; message: ClusterMessage } {
  return JSON.parse(text) as { origin: string; message: ClusterMessage };
}
