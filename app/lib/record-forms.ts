/** The record pages' intents, query schemas and labels (browser-safe). */
import * as z from "../../core/zod";
import { LOCALES } from "../../core/locale";
import { RECORD_EXPORT_FORMATS, type RecordSectionKey, type RecordState } from "../../core/record-contract";
import type { MessageKey } from "~/i18n";

const RECORD_INTENTS = ["save", "use-generated", "regenerate", "close", "finalise"] as const;
export const RecordIntentSchema = z.enum(RECORD_INTENTS);

/** /boards/:id/record/:number — a positive number, nothing else. */
export const RecordNumberSchema = z.coerce.number().int().min(1).max(1_000_000);

export const RecordExportQuerySchema = z.object({
  format: z.enum(RECORD_EXPORT_FORMATS),
  lang: z.enum(LOCALES).optional(),
});

export const SECTION_LABELS: Record<RecordSectionKey, MessageKey> = {
  items: "record.sectionItems",
  decisions: "record.sectionDecisions",
  positions: "record.sectionPositions",
  silence: "record.sectionSilence",
  brackets: "record.sectionBrackets",
};

export const STATE_LABELS: Record<RecordState, MessageKey> = {
  open: "record.stateOpen",
  closed: "record.stateClosed",
  final: "record.stateFinal",
};

export const recordHref = (boardId: string, number?: number) =>
  `/boards/${boardId}/record${number ? `/${number}` : ""}`;
