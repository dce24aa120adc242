/**
 * The generated draft: one plain-text paragraph list per section, written in
 * the record's language from the meeting's events. Pure, so the wording is
 * tested without a database. An empty section says so ("None.") rather than
 * vanishing: a record that omits "Silence procedures" reads as if it forgot.
 */
import { bracketResolvedText } from "../../core/bracket-activity";
import type { RecordSectionKey } from "../../core/record-contract";
import { formatUtc } from "../export/present";
import type { MeetingEvents } from "./meeting-events";
import type { RecordWords } from "./record-words";

const at = (date: Date) => formatUtc(date.toISOString());
const bullet = (line: string) => `- ${line}`;

function procedureName(words: RecordWords, procedure: string): string {
  return (words.procedures as Record<string, string>)[procedure] ?? procedure;
}

function lines(words: RecordWords, list: string[]): string {
  return list.length ? list.map(bullet).join("\n") : words.none;
}

/**
 * The agenda items taken, each with its rows, then the rows discussed outside them; without an agenda, the
 * rows discussed or decided, in the order they came up.
 */
function itemsTaken(events: MeetingEvents, words: RecordWords): string {
  if (events.agenda.length === 0)
    return events.items.length
      ? events.items.map((item, index) => words.agendaItem(index + 1, item.title)).join("\n")
      : words.none;
  const onAgenda = new Set(events.agenda.flatMap((item) => item.rowIds));
  const lines = events.agenda.flatMap((item, index) => [
    words.agendaItem(index + 1, item.title),
    ...(item.rows.length ? [`   ${words.agendaRows(item.rows)}`] : []),
  ]);
  const outside = events.items.filter((item) => !onAgenda.has(item.rowId));
  if (outside.length) lines.push(words.alsoDiscussed, ...outside.map((item) => bullet(item.title)));
  return lines.join("\n");
}

export function draftSections(events: MeetingEvents, words: RecordWords): Record<RecordSectionKey, string> {
  return {
    items: itemsTaken(events, words),
    decisions: lines(
      words,
      events.decisions.map((decision) => {
        switch (decision.kind) {
          case "agreed":
            return words.agreed(decision.title, procedureName(words, decision.procedure), at(decision.at));
          case "proposed":
            return words.proposed(decision.title, procedureName(words, decision.procedure), at(decision.at));
          case "reopened":
            return words.reopened(decision.title, at(decision.at));
          case "published":
            return words.published(decision.number, decision.title, decision.by, at(decision.at));
        }
      }),
    ),
    positions: lines(
      words,
      events.positions.map((p) =>
        p.text
          ? words.positionWithText(p.title, p.delegation, words.positions[p.position], p.text, p.by, at(p.at))
          : words.position(p.title, p.delegation, words.positions[p.position], p.by, at(p.at)),
      ),
    ),
    silence: lines(
      words,
      events.silence.map((s) => {
        const deadline = s.deadline ? at(s.deadline) : "—";
        switch (s.outcome) {
          case "adopted":
            return words.silenceAdopted(s.title, s.endedAt ? at(s.endedAt) : deadline);
          case "broken":
            return words.silenceBroken(s.title, s.brokenBy ?? "—", s.endedAt ? at(s.endedAt) : deadline);
          case "withdrawn":
            return words.silenceWithdrawn(s.title, s.endedAt ? at(s.endedAt) : deadline);
          case "pending":
            return words.silencePending(s.title, deadline);
        }
      }),
    ),
    brackets: lines(
      words,
      events.brackets.map((b) => {
        const { chosen, chosenSponsors, withdrawn } = bracketResolvedText(b.sides, words.bracketWords);
        return words.bracketResolved(b.title, chosen ?? "—", chosenSponsors, withdrawn, b.by, at(b.at));
      }),
    ),
  };
}
