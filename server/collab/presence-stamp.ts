/**
 * Server-stamped presence. A client's awareness update is decoded, entries for
 * client ids the connection does not own are dropped, and every state it keeps
 * gets `user` set to the connection's identity, so presence cannot be forged.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { ClientPresenceSchema, type PresenceState, type PresenceUser } from "../../core/presence";
import { FrameError } from "./frames";

interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: PresenceState | null;
}

/**
 * PERF-38: a stock client lists every peer it drops after a timeout (one entry each, state null): with more than a
 * few dozen people on a board that list is long and honest. Entries of other clients are skipped unread; this
 * only bounds the loop (a frame is at most MAX_FRAME_BYTES anyway).
 */
const MAX_ENTRIES = 4096;

/**
 * The entries of one client id in an awareness update: `owned`, or, when the connection owns none yet, the first
 * entry's (the id it announces). Other clients' entries are checked for shape only, their states never parsed:
 * they are dropped whatever they hold (ATTACK-WS-9).
 */
export function decodeAwarenessEntries(
  update: Uint8Array,
  owned: number | null,
): { clientId: number; clock: number; state: unknown }[] {
  const decoder = decoding.createDecoder(update);
  try {
    const count = decoding.readVarUint(decoder);
    if (count > MAX_ENTRIES) throw new FrameError("too many awareness entries");
    const entries = [];
    let target = owned;
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      target ??= clientId;
      if (clientId !== target) {
        decoding.readVarUint8Array(decoder);
        continue;
      }
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      entries.push({ clientId, clock, state });
    }
    if (decoding.hasContent(decoder)) throw new FrameError("trailing bytes in awareness update");
    return entries;
  } catch (error) {
    throw error instanceof FrameError ? error : new FrameError("malformed awareness update");
  }
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/** Keeps only `ownedClientId`'s entry, with `user` replaced by the server's identity. */
export function stampPresence(
  entries: { clientId: number; clock: number; state: unknown }[],
  ownedClientId: number,
  user: PresenceUser,
): { kept: AwarenessEntry[]; dropped: number } {
  const kept: AwarenessEntry[] = [];
  for (const entry of entries) {
    if (entry.clientId !== ownedClientId) continue;
    if (entry.state === null) {
      kept.push({ clientId: entry.clientId, clock: entry.clock, state: null });
      continue;
    }
    const parsed = ClientPresenceSchema.safeParse(entry.state);
    const focus = parsed.success ? (parsed.data.focus ?? null) : null;
    kept.push({ clientId: entry.clientId, clock: entry.clock, state: { user, focus } });
  }
  return { kept, dropped: entries.length - kept.length };
}
