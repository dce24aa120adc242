/**
 * A CollabConnection without a transport, for unit tests of rooms: records
 * what the room sends and how it closed the connection.
 */
import type { CollabConnection } from "../../server/collab/connection";

export class TestPeer implements CollabConnection {
  readonly id = Math.random().toString(36);
  readonly user;
  readonly actor;
  sent: Uint8Array[] = [];
  closedWith: number | null = null;
  closeReason = "";
  constructor(
    private writable = true,
    account = "account-1",
  ) {
    this.user = { id: account, name: "Peer", delegation: "Testland", color: "#123456" };
    this.actor = { userId: account, name: "Peer", delegationCode: "DE", delegationName: "Germany" };
  }
  canWrite = () => this.writable;
  send(frame: Uint8Array) {
    this.sent.push(frame);
  }
  close(code: number, reason = "") {
    this.closedWith ??= code;
    this.closeReason ||= reason;
  }
  /** Back-pressure hooks; tests that check pausing set them. */
  pause?: () => void;
  resume?: () => void;
}
