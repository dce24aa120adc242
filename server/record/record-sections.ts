/**
 * The sections column of a stored record and the rule that keeps the chair's
 * edits: regenerating replaces the text of untouched sections only; an edited
 * section keeps the chair's text and refreshes only `generated`, which the page
 * shows beside it so the chair can take the new text over by hand (decision 022).
 */
import { createHash } from "node:crypto";
import * as z from "zod";
import {
  RECORD_SECTIONS,
  type MeetingRecordView,
  type RecordSection,
  type RecordSectionKey,
} from "../../core/record-contract";

const StoredSectionsSchema = z.array(
  z.object({ key: z.enum(RECORD_SECTIONS), generated: z.string(), text: z.string(), edited: z.boolean() }),
);

/** Every section in print order; a key missing from storage (a section added later) comes back empty. */
export function parseSections(json: string): RecordSection[] {
  const parsed = StoredSectionsSchema.safeParse(JSON.parse(json));
  const stored = parsed.success ? parsed.data : [];
  return RECORD_SECTIONS.map(
    (key) => stored.find((section) => section.key === key) ?? { key, generated: "", text: "", edited: false },
  );
}

export function mergeGenerated(current: RecordSection[], generated: Record<RecordSectionKey, string>): RecordSection[] {
  return RECORD_SECTIONS.map((key) => {
    const section = current.find((s) => s.key === key);
    if (section?.edited) return { ...section, generated: generated[key] };
    return { key, generated: generated[key], text: generated[key], edited: false };
  });
}

/** SHA-256 of what a finalised record says (the fields a reader relies on, in a fixed order). */
export function recordFingerprint(record: Omit<MeetingRecordView, "fingerprint">): string {
  const canonical = JSON.stringify([
    record.boardTitle,
    record.number,
    record.title,
    record.language,
    record.openedAt,
    record.openedByName,
    record.closedAt,
    record.finalisedAt,
    record.finalisedByName,
    record.sections.map((section) => [section.key, section.text]),
  ]);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
