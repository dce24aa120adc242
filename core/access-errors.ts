/**
 * Thrown by board services when the actor may not do what they asked.
 * `notFound` for boards they may not see (routes answer 404: no existence
 * leak), otherwise 403.
 */
export class AccessDenied extends Error {
  name = "AccessDenied";
  constructor(
    readonly status: 403 | 404,
    message: string,
  ) {
    super(message);
  }
}

export function isAccessDenied(error: unknown): error is AccessDenied {
  return error instanceof Error && error.name === "AccessDenied";
}
