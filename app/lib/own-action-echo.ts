/**
 * The board event that our own consensus action causes comes back on the socket while the action is still being
 * submitted, and Remix reads the consensus data again right after the action anyway (fetcher revalidation). Reading
 * it for the event too loaded everything twice per click. An event that arrives while our action is being submitted
 * is therefore held: the revalidation that follows starts after it, so it includes that change. Only if the data did
 * not come back fresh (no revalidation happened) is the held event turned into a reload.
 */
export class OwnActionEcho<Data> {
  private held: { data: Data | null } | null = null;

  /** A consensus event arrived: true when it needs its own reload now. */
  onEvent(submitting: boolean, data: Data | null): boolean {
    if (!submitting) return true;
    this.held ??= { data };
    return false;
  }

  /** Our action and its revalidation are over: true when a held event still needs a reload. */
  onSettled(data: Data | null): boolean {
    const held = this.held;
    this.held = null;
    return held !== null && held.data === data;
  }
}

/** The consensus resource route's path: its actions change nothing the board page's loader reads. */
export function isConsensusAction(formAction: string | undefined): boolean {
  return formAction !== undefined && /^\/boards\/[^/]+\/consensus$/.test(formAction);
}
