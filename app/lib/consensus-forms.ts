/**
 * Form intents of the consensus route. The services validate the payloads
 * again (zod); here we only pick the intent and shape the fields.
 */
import * as z from "../../core/zod";

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
  "bracket-propose",
  "bracket-join",
  "bracket-leave",
  "bracket-resolve",
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
  const inSeconds = silenceSeconds(field("silenceMinutes"), field("silenceSeconds"));
  return {
    rowId: field("rowId") ?? "",
    commentId: field("commentId") ?? "",
    position: field("position"),
    text: field("text"),
    procedure: field("procedure"),
    // datetime-local inputs carry no zone; the browser adds its offset in a hidden field.
    // "Ends in 5 min 0 s" (a short deadline in a meeting) wins over a date; the server's clock counts it.
    silenceDeadline:
      inSeconds !== null
        ? new Date(Date.now() + inSeconds * 1000).toISOString()
        : deadline
          ? toIso(deadline, field("timezoneOffset"))
          : undefined,
    body: field("body"),
    cell: field("cell") || null,
    parentId: field("parentId") || null,
    mentionUserIds: list(formData.getAll("mentionUserIds")),
    mentionDelegationCodes: list(formData.getAll("mentionDelegationCodes")),
    // Bracketed alternatives (decision 020); sponsors are never read from the form.
    field: field("field"),
    responsibility: field("responsibility"),
    lead: field("lead") || null,
    title: field("title"),
    alternativeId: field("alternativeId"),
    bracketId: field("bracketId"),
    choice: field("choice"),
  };
}

/** Minutes and seconds typed for "ends in …": whole, non-negative, at least one second; null when not used. */
function silenceSeconds(minutes: string | undefined, seconds: string | undefined): number | null {
  if (!minutes?.trim() && !seconds?.trim()) return null;
  const m = Number(minutes?.trim() || "0");
  const s = Number(seconds?.trim() || "0");
  if (!Number.isInteger(m) || !Number.isInteger(s) || m < 0 || s < 0 || m > 60 * 24 * 366) return null;
  return m * 60 + s > 0 ? m * 60 + s : null;
}

/**
 * "2026-11-26T14:00" (or with ":30" seconds) + offset minutes (Date.getTimezoneOffset) → ISO instant; anything
 * else is passed on for zod to reject. A date that does not exist (2030-02-30) is passed on unchanged too:
 * Date.parse would roll it over to 2 March.
 */
export function toIso(local: string, offsetMinutes: string | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return local;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? "0"));
  const offset = Number(offsetMinutes ?? "0");
  // Real offsets lie within ±14 h; anything else is passed on for zod to reject.
  if (!Number.isFinite(offset) || Math.abs(offset) > 14 * 60) return local;
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const exists =
    wall.getUTCFullYear() === year &&
    wall.getUTCMonth() === month - 1 &&
    wall.getUTCDate() === day &&
    wall.getUTCHours() === hour &&
    wall.getUTCMinutes() === minute &&
    wall.getUTCSeconds() === second;
  return exists ? new Date(wall.getTime() + offset * 60_000).toISOString() : local;
}
