import { messageRef, type MessageRef } from "./message-ref";

/**
 * Thrown by board services when the actor may not do what they asked.
 * `notFound` for boards they may not see (routes answer 404: no existence
 * leak), otherwise 403. The message is a ref: routes may show it, translated.
 */
export class AccessDenied extends Error {
  name = "AccessDenied";
  constructor(
    readonly status: 403 | 404,
    message: MessageRef,
  ) {
    super(message);
  }
}

export function isAccessDenied(error: unknown): error is AccessDenied {
  return error instanceof Error && error.name === "AccessDenied";
}

/**
 * A member whose delegation is outside the board's releasability list (MARK-13): they stay members, but
 * every read, export and socket is refused, saying which list. `releasability` is the board's encoded list
 * (core/releasability.ts), so each caller words the refusal in its reader's language.
 */
export class NotReleasable extends AccessDenied {
  constructor(
    readonly releasability: string,
    description: string,
  ) {
    super(403, messageRef("markings.notReleasable", { releasableTo: description }));
  }
}

/** The board's encoded releasability when the error is a NotReleasable (checked by shape: see file-jobs.ts). */
export function notReleasableList(error: unknown): string | null {
  if (!isAccessDenied(error)) return null;
  const releasability = (error as { releasability?: unknown }).releasability;
  return typeof releasability === "string" ? releasability : null;
}
