/**
 * What happened on a board during a meeting's span, read from the tables the
 * board already keeps (the activity log, positions, row workflows, published
 * versions). Everything is stamped by the server when it happened, so the
 * record says what the board saw, not what a client claims.
 */
import type { ActivityDetail } from "../../core/bracket-activity";
import type { PositionValue } from "../../core/consensus";
import { delegationNameIn } from "../../core/delegation-names";
import type { Locale } from "../../core/locale";
import { MEETING_ACTIVITY } from "../../core/meeting-contract";
import type { PrismaClient } from "../db/prisma-client";

interface MeetingSpan {
  from: Date;
  /** Inclusive end of the span (the close time, or now while the meeting runs). */
  to: Date;
}

export interface MeetingEvents {
  /** Rows that were discussed or decided, in the order they first came up. */
  items: { rowId: string; title: string }[];
  /** Agenda items taken during the meeting (current at some moment of the span), in the order taken. */
  agenda: { title: string; rowIds: string[]; rows: string[] }[];
  /** Agreements, proposals and reopenings, in time order. */
  decisions: (
    | { kind: "agreed" | "proposed"; rowId: string; title: string; procedure: string; at: Date }
    | { kind: "reopened"; rowId: string; title: string; at: Date }
    | { kind: "published"; number: number; title: string; by: string; at: Date }
  )[];
  /** The last position each delegation recorded on each row during the meeting, row by row. */
  positions: {
    rowId: string;
    title: string;
    delegation: string;
    position: PositionValue;
    text: string | null;
    by: string;
    at: Date;
  }[];
  silence: {
    rowId: string;
    title: string;
    proposedAt: Date;
    deadline: Date | null;
    outcome: "adopted" | "broken" | "pending" | "withdrawn";
    /** Who broke silence (delegation name), for "broken". */
    brokenBy: string | null;
    /** When it ended (adoption, break or withdrawal); null while pending. */
    endedAt: Date | null;
  }[];
  /** Bracket resolutions: the side the chair chose and its sponsors, the withdrawn sides with theirs. */
  brackets: {
    rowId: string;
    title: string;
    /** The entry's details: the sides as values, worded in the record's language (core/bracket-activity.ts). */
    sides: ActivityDetail;
    by: string;
    at: Date;
  }[];
}

type Entry = {
  id: number;
  kind: string;
  rowId: string | null;
  rowTitle: string | null;
  actorName: string;
  delegationCode: string | null;
  delegationName: string | null;
  detail: string;
  createdAt: Date;
};

/** Activity kinds that mean a row was taken up in the meeting (typing alone does not). */
const DISCUSSION_KINDS = new Set([
  "position-recorded",
  "row-proposed",
  "row-agreed",
  "row-reopened",
  "silence-broken",
  "comment-added",
  "bracket-proposed",
  "bracket-joined",
  "bracket-resolved",
]);

/** Upper bound on the entries one record reads: a record of a runaway span stays a bounded job. */
const MAX_RECORD_ENTRIES = 20_000;

function detailOf(entry: Entry): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(entry.detail);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function rowIdsOf(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

/** The string-valued details (the shape activity entries are written in). */
const stringsOf = (detail: Record<string, unknown>): ActivityDetail =>
  Object.fromEntries(Object.entries(detail).filter((entry): entry is [string, string] => typeof entry[1] === "string"));

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

export async function readMeetingEvents(
  prisma: PrismaClient,
  boardId: string,
  span: MeetingSpan,
  liveTitles: ReadonlyMap<string, string>,
  /** The record's language: delegations are named in it (I18N-11). */
  locale: Locale = "en",
): Promise<MeetingEvents> {
  // A delegation as the record names it: "Allemagne" in a French record; an unknown code stays as stored.
  const nameOf = (code: string | null, name: string | null) =>
    name === null ? code : code === null ? name : delegationNameIn(locale, code, name);
  const within = { gte: span.from, lte: span.to };
  const [entries, positions, versions, workflows, agenda] = await Promise.all([
    prisma.activityEntry.findMany({
      where: { boardId, createdAt: within },
      select: {
        id: true,
        kind: true,
        rowId: true,
        rowTitle: true,
        actorName: true,
        delegationCode: true,
        delegationName: true,
        detail: true,
        createdAt: true,
      },
      orderBy: { id: "asc" },
      take: MAX_RECORD_ENTRIES,
    }),
    prisma.position.findMany({
      where: { boardId, createdAt: within },
      select: {
        rowId: true,
        delegationCode: true,
        position: true,
        text: true,
        recordedByName: true,
        createdAt: true,
      },
      orderBy: { id: "asc" },
      take: MAX_RECORD_ENTRIES,
    }),
    prisma.publishedVersion.findMany({
      where: { boardId, publishedAt: within },
      select: { number: true, title: true, publishedByName: true, publishedAt: true },
      orderBy: { number: "asc" },
    }),
    prisma.rowWorkflow.findMany({ where: { boardId }, select: { rowId: true, state: true, brokenByDelegation: true } }),
    // Current at some moment of the span: first taken before its end, not moved on from before its start.
    prisma.agendaItem.findMany({
      where: {
        boardId,
        startedAt: { not: null, lte: span.to },
        OR: [{ closedAt: null }, { closedAt: { gte: span.from } }],
      },
      select: { id: true, title: true, rowIds: true, startedAt: true },
      orderBy: { startedAt: "asc" },
    }),
  ]);
  const delegations = new Map(
    (
      await prisma.delegation.findMany({
        where: {
          code: {
            in: [
              ...new Set([
                ...positions.map((p) => p.delegationCode),
                ...workflows.flatMap((w) => w.brokenByDelegation ?? []),
              ]),
            ],
          },
        },
        select: { code: true, name: true },
      })
    ).map((d) => [d.code, delegationNameIn(locale, d.code, d.name)]),
  );
  const loggedTitles = new Map<string, string>();
  for (const entry of entries) if (entry.rowId && entry.rowTitle) loggedTitles.set(entry.rowId, entry.rowTitle);
  // The live title when the row still exists, else the last title the log saw.
  const titleOf = (rowId: string) => liveTitles.get(rowId) ?? loggedTitles.get(rowId) ?? rowId;

  const items = new Map<string, { rowId: string; title: string }>();
  const takeUp = (rowId: string | null) => {
    if (rowId && !items.has(rowId)) items.set(rowId, { rowId, title: titleOf(rowId) });
  };
  const events: MeetingEvents = { items: [], agenda: [], decisions: [], positions: [], silence: [], brackets: [] };
  const openSilence = new Map<string, MeetingEvents["silence"][number]>();

  for (const entry of entries) {
    const detail = detailOf(entry);
    if (DISCUSSION_KINDS.has(entry.kind)) takeUp(entry.rowId);
    const rowId = entry.rowId ?? "";
    const title = titleOf(rowId);
    const silence = openSilence.get(rowId);
    switch (entry.kind) {
      case "row-proposed": {
        const procedure = text(detail.procedure) ?? "consensus";
        events.decisions.push({ kind: "proposed", rowId, title, procedure, at: entry.createdAt });
        if (silence) Object.assign(silence, { outcome: "withdrawn", endedAt: entry.createdAt });
        openSilence.delete(rowId);
        if (procedure === "silence") {
          const deadline = text(detail.deadline);
          const record = {
            rowId,
            title,
            proposedAt: entry.createdAt,
            deadline: deadline ? new Date(deadline) : null,
            outcome: "pending" as const,
            brokenBy: null,
            endedAt: null,
          };
          events.silence.push(record);
          openSilence.set(rowId, record);
        }
        break;
      }
      case "row-agreed":
        events.decisions.push({
          kind: "agreed",
          rowId,
          title,
          procedure: text(detail.procedure) ?? "consensus",
          at: entry.createdAt,
        });
        if (silence) Object.assign(silence, { outcome: "adopted", endedAt: entry.createdAt });
        openSilence.delete(rowId);
        break;
      case "silence-broken":
        if (silence)
          Object.assign(silence, {
            outcome: "broken",
            brokenBy: nameOf(entry.delegationCode, entry.delegationName) ?? entry.actorName,
            endedAt: entry.createdAt,
          });
        openSilence.delete(rowId);
        break;
      case "row-reopened":
      case "row-back-to-draft":
        if (entry.kind === "row-reopened")
          events.decisions.push({ kind: "reopened", rowId, title, at: entry.createdAt });
        if (silence) Object.assign(silence, { outcome: "withdrawn", endedAt: entry.createdAt });
        openSilence.delete(rowId);
        break;
      case "bracket-resolved":
        events.brackets.push({
          rowId,
          title,
          sides: stringsOf(detail),
          by: entry.delegationName
            ? `${entry.actorName} (${nameOf(entry.delegationCode, entry.delegationName)})`
            : entry.actorName,
          at: entry.createdAt,
        });
        break;
    }
  }
  // A silence still "pending" whose row went back to draft with an objector on record was broken at the
  // deadline by an objection recorded earlier (the deadline writes no activity entry of its own).
  for (const [rowId, silence] of openSilence) {
    const workflow = workflows.find((w) => w.rowId === rowId);
    if (workflow?.state === "draft" && workflow.brokenByDelegation) {
      silence.outcome = "broken";
      silence.brokenBy = delegations.get(workflow.brokenByDelegation) ?? workflow.brokenByDelegation;
      silence.endedAt = silence.deadline;
    }
  }

  const latest = new Map<string, MeetingEvents["positions"][number]>();
  for (const position of positions) {
    takeUp(position.rowId);
    latest.set(`${position.rowId}|${position.delegationCode}`, {
      rowId: position.rowId,
      title: titleOf(position.rowId),
      delegation: delegations.get(position.delegationCode) ?? position.delegationCode,
      position: position.position as PositionValue,
      text: position.text,
      by: position.recordedByName,
      at: position.createdAt,
    });
  }
  const order = [...items.keys()];
  events.positions = [...latest.values()].sort(
    (a, b) => order.indexOf(a.rowId) - order.indexOf(b.rowId) || a.delegation.localeCompare(b.delegation),
  );
  for (const version of versions)
    events.decisions.push({
      kind: "published",
      number: version.number,
      title: version.title,
      by: version.publishedByName,
      at: version.publishedAt,
    });
  events.decisions.sort((a, b) => a.at.getTime() - b.at.getTime());
  events.items = [...items.values()];
  // In the order taken (agenda-item-taken entries of the span), after any item already current when it opened.
  const takenInSpan = entries.flatMap((entry) =>
    entry.kind === MEETING_ACTIVITY.agendaItemTaken ? (text(detailOf(entry).itemId) ?? []) : [],
  );
  const agendaOrder = [
    ...new Set([...agenda.map((item) => item.id).filter((id) => !takenInSpan.includes(id)), ...takenInSpan]),
  ];
  events.agenda = agendaOrder.flatMap((id) => {
    const item = agenda.find((candidate) => candidate.id === id);
    if (!item) return [];
    const rowIds = rowIdsOf(item.rowIds);
    return [{ title: item.title, rowIds, rows: rowIds.map(titleOf) }];
  });
  return events;
}
