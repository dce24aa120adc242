/**
 * Which of a board's sequence numbers the local doc holds. Updates arrive out of order (own appends
 * at once, other instances' through the bus), so numbers above the contiguous run wait in `ahead`;
 * a number missing below them is a gap, closed by catching up from the log.
 */
export class SequenceTracker {
  private contiguous: number;
  private readonly ahead = new Set<number>();

  constructor(start: number) {
    this.contiguous = start;
  }

  /** Every update with a sequence number up to this is in the doc. */
  get watermark(): number {
    return this.contiguous;
  }

  get hasGap(): boolean {
    return this.ahead.size > 0;
  }

  has(seq: number): boolean {
    return seq <= this.contiguous || this.ahead.has(seq);
  }

  note(seq: number): void {
    if (seq <= this.contiguous) return;
    this.ahead.add(seq);
    this.advance();
  }

  /** After a catch-up: everything up to `seq` is in the doc. */
  noteThrough(seq: number): void {
    if (seq <= this.contiguous) return;
    this.contiguous = seq;
    for (const pending of this.ahead) if (pending <= seq) this.ahead.delete(pending);
    this.advance();
  }

  private advance(): void {
    while (this.ahead.delete(this.contiguous + 1)) this.contiguous += 1;
  }
}
