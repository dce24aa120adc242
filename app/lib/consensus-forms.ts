/**
 * Form intents of the consensus route. The services validate the payloads
 * again (zod); here we only pick the intent and shape the fields.
 */
import { z } from "zod";

export const ConsensusIntentSchema = z.enum([
  "record-position",
  "propose",
  "declare-agreed",
  "reopen",
  "comment-create",
  "comment-edit",
  "comment-delete",
  "comment-resolve",
  "comment-reopen",
  "mentions-read",
]);
export type ConsensusIntent = z.infer<typeof ConsensusIntentSchema>;

const list = (value: FormDataEntryValue[]) => value.map(String).filter(Boolean);

/** FormData → plain object for the service call of each intent. */
export function formPayload(formData: FormData) {
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const deadline = field("silenceDeadline");
  return {
    rowId: field("rowId") ?? "",
    commentId: field("commentId") ?? "",
    position: field("position"),
    text: field("text"),
    procedure: field("procedure"),
    // datetime-local inputs carry no zone; the browser adds its offset in a hidden field.
    silenceDeadline: deadline ? toIso(deadline, field("timezoneOffset")) : undefined,
    body: field("body"),
    cell: field("cell") || null,
    parentId: field("parentId") || null,
    mentionUserIds: list(formData.getAll("mentionUserIds")),
    mentionDelegationCodes: list(formData.getAll("mentionDelegationCodes")),
  };
}

/** "2026-11-26T14:00" + offset minutes (Date.getTimezoneOffset) → ISO instant; anything else is passed on for zod to reject. */
export function toIso(local: string, offsetMinutes: string | undefined): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return local;
  const offset = Number(offsetMinutes ?? "0");
  // Real offsets lie within ±14 h; anything else (or an impossible date) is passed on for zod to reject.
  if (!Number.isFinite(offset) || Math.abs(offset) > 14 * 60) return local;
  const instant = Date.parse(`${local}:00Z`) + offset * 60_000;
  return Number.isNaN(instant) ? local : new Date(instant).toISOString();
}
