/**
 * Form intents of the meeting route. The services validate the payloads again (zod); here we only pick the
 * intent and shape the fields. Nothing names a delegation or a person except "give the floor" (the chair's choice
 * among the raised hands): a hand is always the sender's own.
 */
import * as z from "../../core/zod";

export const MeetingIntentSchema = z.enum([
  "add-item",
  "move-item",
  "remove-item",
  "set-current",
  "next-item",
  "raise-hand",
  "lower-hand",
  "give-floor",
  "end-intervention",
  "clear-list",
  "set-timer",
]);
export type MeetingIntent = z.infer<typeof MeetingIntentSchema>;

/** FormData → the fields the service calls take. */
export function meetingPayload(formData: FormData) {
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const seconds = field("seconds");
  const itemId = field("itemId");
  return {
    title: field("title"),
    rowIds: formData.getAll("rowIds").map(String),
    // An empty itemId on "set-current" means no item current.
    itemId: itemId === "" ? null : itemId,
    direction: field("direction"),
    delegationCode: field("delegationCode"),
    // "" = no timer; anything not a number stays invalid for the service to name.
    seconds: seconds === undefined || seconds === "" ? null : /^\d+$/.test(seconds) ? Number(seconds) : seconds,
  };
}
