/**
 * What the routes get when the server refuses to read an import or render an
 * export because the job went over its budget (server/files/file-pool.ts).
 * Checked by shape, not instanceof: the Remix build carries its own copy of
 * this module, so a class identity would not survive the trip.
 */
import type { MessageRef } from "./message-ref";

type FileJobLimit = "time" | "memory" | "busy";

export interface FileJobRefusal {
  name: "FileJobRefused";
  limit: FileJobLimit;
  /** 503 for an export (try again later), 422 for an import that exhausted its budget. */
  status: 422 | 503;
  /** Seconds after which a retry may succeed (a busy pool). */
  retryAfterSeconds?: number;
  message: string;
}

export class FileJobRefused extends Error implements FileJobRefusal {
  override name = "FileJobRefused" as const;
  constructor(
    readonly limit: FileJobLimit,
    readonly status: 422 | 503,
    message: MessageRef,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export function isFileJobRefusal(error: unknown): error is FileJobRefusal {
  const candidate = error as Partial<FileJobRefusal> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    candidate.name === "FileJobRefused" &&
    typeof candidate.limit === "string" &&
    (candidate.status === 422 || candidate.status === 503)
  );
}
