/**
 * MeetingRecordServices over Prisma (decision 022). A meeting is the span
 * between the chair opening a record and closing it; the draft is generated
 * from the board's events in that span. Every change is chair-only and
 * conditional on the record not being final, in the same statement that
 * writes it, so a finalised record cannot be changed even by a request that
 * raced the finalisation.
 */
import { randomUUID } from "node:crypto";
import * as z from "zod";
import { AccessDenied } from "../../core/access-errors";
import { delegationNameIn } from "../../core/delegation-names";
import { isLocale, type Locale } from "../../core/locale";
import { messageRef } from "../../core/message-ref";
import { DEFAULT_MARKING, markingText } from "../../core/markings";
import {
  RECORD_SECTION_MAX_CHARS,
  RECORD_SECTIONS,
  RECORD_TITLE_MAX_CHARS,
  type MeetingRecordServices,
  type MeetingRecordSummary,
  type MeetingRecordView,
  type RecordExportFormat,
  type RecordResult,
} from "../../core/record-contract";
import { ROLE_CAN } from "../../core/roles";
import type { BoardAccessServices } from "../../core/services";
import type { ExportedFile } from "../../core/version-contract";
import { requireBoardRole } from "../../core/require-board-role";
import { guardedAction } from "../guarded-action";
import type { PrismaClient } from "../db/prisma-client";
import { storableText } from "../db/storable-text";
import { readMeetingEvents } from "./meeting-events";
import { draftSections } from "./record-draft";
import { recordFileName } from "./record-file-name";
import { mergeGenerated, parseSections, recordFingerprint } from "./record-sections";
import { recordWords } from "./record-words";

const OpenRecordSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, messageRef("forms.titleRequired"))
    .max(RECORD_TITLE_MAX_CHARS, messageRef("forms.tooLong", { max: RECORD_TITLE_MAX_CHARS })),
  language: z.enum(["en", "fr"]),
});

const EditSectionSchema = z.object({
  section: z.enum(RECORD_SECTIONS),
  text: z
    .string()
    .max(RECORD_SECTION_MAX_CHARS, messageRef("forms.tooLong", { max: RECORD_SECTION_MAX_CHARS }))
    .transform((text) => storableText(text.replace(/\r\n?/g, "\n"))),
});

const ResetSectionSchema = z.object({ section: z.enum(RECORD_SECTIONS) });

export type RenderRecord = (
  format: RecordExportFormat,
  record: MeetingRecordView,
  locale: Locale,
) => Promise<{ body: Uint8Array; contentType: string; extension: string }>;

interface RecordServiceDeps {
  prisma: PrismaClient;
  access: Pick<BoardAccessServices, "getAccess">;
  /** Live row titles, so the record names rows as they read now. */
  readLiveTitles: (boardId: string) => Promise<ReadonlyMap<string, string>>;
  /** Renders a file off the event loop (the file worker pool). */
  render: RenderRecord;
  now: () => number;
  /** Tells open boards that the record list changed. */
  onChanged?: (boardId: string) => void;
}

const recordSelect = {
  id: true,
  number: true,
  title: true,
  language: true,
  openedAt: true,
  openedByName: true,
  closedAt: true,
  sectionsJson: true,
  generatedAt: true,
  finalisedAt: true,
  finalisedByName: true,
  fingerprint: true,
  board: { select: { title: true, marking: true } },
} as const;

type RecordRow = {
  id: string;
  number: number;
  title: string;
  language: string;
  openedAt: Date;
  openedByName: string;
  closedAt: Date | null;
  sectionsJson: string;
  generatedAt: Date;
  finalisedAt: Date | null;
  finalisedByName: string | null;
  fingerprint: string | null;
  board: { title: string; marking: string | null };
};

function toSummary(row: Omit<RecordRow, "sectionsJson" | "generatedAt" | "fingerprint" | "board" | "id">) {
  return {
    number: row.number,
    title: row.title,
    language: isLocale(row.language) ? row.language : "en",
    state: row.finalisedAt ? "final" : row.closedAt ? "closed" : "open",
    openedAt: row.openedAt.toISOString(),
    openedByName: row.openedByName,
    closedAt: row.closedAt?.toISOString() ?? null,
    finalisedAt: row.finalisedAt?.toISOString() ?? null,
    finalisedByName: row.finalisedByName,
  } satisfies MeetingRecordSummary;
}

function toView(row: RecordRow): MeetingRecordView {
  return {
    ...toSummary(row),
    boardTitle: row.board.title,
    marking: markingText(row.board.marking ?? DEFAULT_MARKING, null),
    generatedAt: row.generatedAt.toISOString(),
    sections: parseSections(row.sectionsJson),
    fingerprint: row.fingerprint,
  };
}

const FINALISED = { ok: false, problem: "finalised" } as const;

export function createRecordServices(deps: RecordServiceDeps): MeetingRecordServices {
  const { prisma } = deps;
  const chairRule = (to: string) => ({ may: ROLE_CAN.manageBoard, to, change: true });
  const chair = (actorId: string, boardId: string, to: string) => ({
    access: deps.access,
    actorId,
    boardId,
    rule: chairRule(to),
  });
  const chairOnly = (actorId: string, boardId: string, to: string) =>
    requireBoardRole(deps.access, actorId, boardId, chairRule(to));

  const read = (boardId: string, number: number) =>
    prisma.meetingRecord.findUnique({ where: { boardId_number: { boardId, number } }, select: recordSelect });

  /** "Claire Martin (Secrétariat international de l'OTAN)": the delegation in the record's language (I18N-11). */
  async function nameOf(actorId: string, language: string): Promise<string> {
    const user = await prisma.user.findUnique({
      where: { id: actorId },
      select: { displayName: true, delegation: { select: { code: true, name: true } } },
    });
    if (!user) throw new AccessDenied(404, messageRef("serviceErrors.unknownUser"));
    const delegation = delegationNameIn(
      isLocale(language) ? language : "en",
      user.delegation.code,
      user.delegation.name,
    );
    return `${user.displayName} (${delegation})`.slice(0, 300);
  }

  /** The sections generated over the record's span (to its close, else to now), edits kept. */
  async function generate(
    boardId: string,
    row: Pick<RecordRow, "language" | "openedAt" | "closedAt" | "sectionsJson">,
  ) {
    const span = { from: row.openedAt, to: row.closedAt ?? new Date(deps.now()) };
    const language = isLocale(row.language) ? row.language : "en";
    const events = await readMeetingEvents(prisma, boardId, span, await deps.readLiveTitles(boardId), language);
    const words = recordWords(language);
    return mergeGenerated(parseSections(row.sectionsJson), draftSections(events, words));
  }

  /** Writes `data` only while the record is not final; false when it was (or is gone). */
  async function writeDraft(boardId: string, number: number, data: Record<string, unknown>): Promise<boolean> {
    const { count } = await prisma.meetingRecord.updateMany({ where: { boardId, number, finalisedAt: null }, data });
    if (count > 0) deps.onChanged?.(boardId);
    return count > 0;
  }

  async function regenerateDraft(boardId: string, number: number, closedAt?: Date): Promise<RecordResult> {
    const row = await read(boardId, number);
    if (!row) return { ok: false, fieldErrors: { number: messageRef("record.notFound") } };
    if (row.finalisedAt) return FINALISED;
    const sections = await generate(boardId, { ...row, closedAt: closedAt ?? row.closedAt });
    const written = await writeDraft(boardId, number, {
      sectionsJson: JSON.stringify(sections),
      generatedAt: new Date(deps.now()),
      ...(closedAt ? { closedAt } : {}),
    });
    return written ? { ok: true } : FINALISED;
  }

  return {
    async listRecords(actorId, boardId) {
      await requireBoardRole(deps.access, actorId, boardId);
      const rows = await prisma.meetingRecord.findMany({
        where: { boardId },
        select: {
          number: true,
          title: true,
          language: true,
          openedAt: true,
          openedByName: true,
          closedAt: true,
          finalisedAt: true,
          finalisedByName: true,
        },
        orderBy: { number: "desc" },
      });
      return rows.map(toSummary);
    },

    async getRecord(actorId, boardId, number) {
      await requireBoardRole(deps.access, actorId, boardId);
      const row = await read(boardId, number);
      return row ? toView(row) : null;
    },

    async openRecord(actorId, boardId, raw) {
      const parsed = await guardedAction(chair(actorId, boardId, "open a meeting record"), OpenRecordSchema, raw);
      if (!parsed.ok) return parsed;
      const running = await prisma.meetingRecord.findFirst({
        where: { boardId, closedAt: null, finalisedAt: null },
        select: { number: true },
      });
      if (running) return { ok: false, fieldErrors: { title: messageRef("record.alreadyOpen") } };
      const openedAt = new Date(deps.now());
      const base = {
        language: parsed.data.language,
        openedAt,
        closedAt: null,
        sectionsJson: "[]",
      };
      const sections = await generate(boardId, base);
      const openedByName = await nameOf(actorId, parsed.data.language);
      // Numbers are max + 1; the unique (boardId, number) turns a race into one retry.
      for (let attempt = 0; ; attempt++) {
        const last = await prisma.meetingRecord.findFirst({
          where: { boardId },
          select: { number: true },
          orderBy: { number: "desc" },
        });
        const number = (last?.number ?? 0) + 1;
        try {
          await prisma.meetingRecord.create({
            data: {
              id: randomUUID(),
              boardId,
              number,
              title: storableText(parsed.data.title),
              language: parsed.data.language,
              openedAt,
              openedById: actorId,
              openedByName,
              sectionsJson: JSON.stringify(sections),
              generatedAt: openedAt,
            },
            select: { id: true },
          });
          deps.onChanged?.(boardId);
          return { ok: true, number };
        } catch (error) {
          if ((error as { code?: string }).code !== "P2002" || attempt >= 3) throw error;
        }
      }
    },

    async closeRecord(actorId, boardId, number) {
      await chairOnly(actorId, boardId, "close a meeting record");
      const row = await read(boardId, number);
      if (row && !row.finalisedAt && row.closedAt) return { ok: false, problem: "not-open" };
      return regenerateDraft(boardId, number, new Date(deps.now()));
    },

    async regenerate(actorId, boardId, number) {
      await chairOnly(actorId, boardId, "regenerate a meeting record");
      return regenerateDraft(boardId, number);
    },

    async editSection(actorId, boardId, number, raw) {
      const parsed = await guardedAction(chair(actorId, boardId, "edit a meeting record"), EditSectionSchema, raw);
      if (!parsed.ok) return parsed;
      const row = await read(boardId, number);
      if (!row) return { ok: false, fieldErrors: { number: messageRef("record.notFound") } };
      if (row.finalisedAt) return FINALISED;
      const sections = parseSections(row.sectionsJson).map((section) =>
        section.key === parsed.data.section ? { ...section, text: parsed.data.text, edited: true } : section,
      );
      return (await writeDraft(boardId, number, { sectionsJson: JSON.stringify(sections) })) ? { ok: true } : FINALISED;
    },

    async resetSection(actorId, boardId, number, raw) {
      const parsed = await guardedAction(chair(actorId, boardId, "edit a meeting record"), ResetSectionSchema, raw);
      if (!parsed.ok) return parsed;
      const row = await read(boardId, number);
      if (!row) return { ok: false, fieldErrors: { number: messageRef("record.notFound") } };
      if (row.finalisedAt) return FINALISED;
      const sections = parseSections(row.sectionsJson).map((section) =>
        section.key === parsed.data.section ? { ...section, text: section.generated, edited: false } : section,
      );
      return (await writeDraft(boardId, number, { sectionsJson: JSON.stringify(sections) })) ? { ok: true } : FINALISED;
    },

    async finalise(actorId, boardId, number) {
      await chairOnly(actorId, boardId, "finalise a meeting record");
      const row = await read(boardId, number);
      if (!row) return { ok: false, fieldErrors: { number: messageRef("record.notFound") } };
      if (row.finalisedAt) return FINALISED;
      const finalisedAt = new Date(deps.now());
      const closedAt = row.closedAt ?? finalisedAt;
      // A meeting finalised while running is closed first, with its draft brought up to the close.
      const sections = row.closedAt ? parseSections(row.sectionsJson) : await generate(boardId, { ...row, closedAt });
      const finalisedByName = await nameOf(actorId, row.language);
      const fingerprint = recordFingerprint({
        ...toView({ ...row, closedAt, finalisedAt, finalisedByName, fingerprint: null }),
        sections,
      });
      const written = await writeDraft(boardId, number, {
        closedAt,
        finalisedAt,
        finalisedByName,
        fingerprint,
        sectionsJson: JSON.stringify(sections),
      });
      return written ? { ok: true } : FINALISED;
    },

    async exportRecord(actorId, boardId, number, format, locale): Promise<ExportedFile | null> {
      await requireBoardRole(deps.access, actorId, boardId);
      const row = await read(boardId, number);
      if (!row) return null;
      const record = toView(row);
      const file = await deps.render(format, record, locale);
      return {
        ...file,
        fingerprint: record.fingerprint ?? "",
        fileName: recordFileName(record, file.extension, locale),
      };
    },
  };
}
