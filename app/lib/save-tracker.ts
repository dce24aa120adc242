/**
 * Which local edits the server has committed (COLLAB-23), in the browser.
 *
 * The server numbers the sync step 2 and update frames of each socket 1, 2, 3…
 * and acknowledges "frames up to n are committed". This counts the same frames
 * on the way out and remembers, for every local edit, the frame that carries
 * it: its own update frame when it was sent at once, else the sync step 2 of
 * the next socket (which carries everything the server lacks). An edit is
 * saved once an acknowledgement covers its frame.
 *
 * Each edit may carry the key under which it is kept in the browser's store of
 * unsent edits (COLLAB-27); acknowledged() returns the keys it may now delete.
 */
const MESSAGE_SYNC = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export class SaveTracker {
  private framesSent = 0;
  /** Frame carrying each unsaved edit on the current socket (null = not sent on it yet), and its stored key. */
  private unsaved: { carrier: number | null; key: string | null }[] = [];
  /** The update frame just sent, for the edit whose doc update triggered it. */
  private justSentUpdate: number | null = null;

  constructor(private readonly onChange: () => void = () => undefined) {}

  get unsavedCount(): number {
    return this.unsaved.length;
  }

  /** A new socket: its frames count from 1, and nothing unsaved has been sent on it yet. */
  socketOpened(): void {
    this.framesSent = 0;
    this.justSentUpdate = null;
    this.unsaved = this.unsaved.map(({ key }) => ({ carrier: null, key }));
  }

  /** Every frame the provider sends on the current socket. */
  frameSent(frame: Uint8Array): void {
    if (frame[0] !== MESSAGE_SYNC || (frame[1] !== SYNC_STEP2 && frame[1] !== SYNC_UPDATE)) return;
    const number = ++this.framesSent;
    if (frame[1] === SYNC_UPDATE) this.justSentUpdate = number;
    // Sync step 2 carries every change the server lacks, so every edit not yet sent on this socket.
    else this.unsaved = this.unsaved.map(({ carrier, key }) => ({ carrier: carrier ?? number, key }));
  }

  /** A local edit (called after the provider had its chance to send it), stored under `key` if given. */
  localEdit(key: string | null = null): void {
    this.unsaved.push({ carrier: this.justSentUpdate, key });
    this.justSentUpdate = null;
    this.onChange();
  }

  /**
   * An edit kept from an earlier page (COLLAB-27), applied before connecting: the next socket's sync step 2
   * carries it (or finds the server already has it), so its acknowledgement says it is committed.
   */
  restoredEdit(key: string): void {
    this.unsaved.push({ carrier: null, key });
    this.onChange();
  }

  /**
   * The server refused something this page sent (COLLAB-29): nothing unacknowledged will be acknowledged now,
   * and resending it would be refused again. Forgets every unsaved edit; returns their stored keys.
   */
  refuseAll(): string[] {
    const keys = this.unsaved.flatMap(({ key }) => (key === null ? [] : [key]));
    this.unsaved = [];
    this.onChange();
    return keys;
  }

  /** The server committed frames 1..frames of the current socket; returns the stored keys now committed. */
  acknowledged(frames: number): string[] {
    const committed: string[] = [];
    const before = this.unsaved.length;
    this.unsaved = this.unsaved.filter(({ carrier, key }) => {
      const keep = carrier === null || carrier > frames;
      if (!keep && key !== null) committed.push(key);
      return keep;
    });
    if (this.unsaved.length !== before) this.onChange();
    return committed;
  }
}
