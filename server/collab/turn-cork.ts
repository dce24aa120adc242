import type { Duplex } from "node:stream";

const corked = new WeakSet<Duplex>();

/**
 * PERF-70: everything a socket is sent in one turn of the event loop leaves in one write. A keystroke with
 * presence reaches each receiver as two frames (the update from the broadcast batch, the presence relay) and its
 * sender as an acknowledgement; one `writev` per frame per socket was ~29 % of the server's CPU in the P10 soak
 * (5,000 sockets). The socket is corked at its first frame and uncorked once the turn's immediates run, after
 * the broadcast batch queued before it; a frame sent after that leaves in the next turn's write.
 */
export function corkForTurn(socket: Duplex | undefined): void {
  if (!socket || corked.has(socket) || socket.destroyed) return;
  socket.cork();
  corked.add(socket);
  setImmediate(() => {
    corked.delete(socket);
    socket.uncork();
  });
}
