import type { Duplex } from "node:stream";

const corked = new WeakSet<Duplex>();

/**
 * PERF-70: everything a socket is sent in one turn of the event loop leaves in one write. A keystroke with
 * presence reaches each receiver as two frames (the update from the broadcast batch, the presence relay) and its
 * sender as an acknowledgement; one `writev` per frame per socket was ~29 % of the server's CPU in the P10 soak
 * (5,000 sockets). The socket is corked at its first frame and uncorked once the turn's immediates run, after
 * the broadcast batch queued before it, or as soon as the broadcast batch has queued its frames (uncorkNow).
 */
export function corkForTurn(socket: Duplex | undefined): void {
  if (!socket || corked.has(socket) || socket.destroyed) return;
  socket.cork();
  corked.add(socket);
  setImmediate(() => uncorkNow(socket));
}

/**
 * Writes what the socket holds now. The broadcast batch calls it once it has queued a turn's updates: their
 * frames must not wait for the turn's end (an immediate queued after the batch's own would hold them a whole
 * turn), and the presence and acknowledgements queued before them leave in the same write.
 */
export function uncorkNow(socket: Duplex | undefined): void {
  if (!socket || !corked.delete(socket)) return;
  socket.uncork();
}
