/**
 * What every record file prints before the sections, in the file's language:
 * the title, the board, the meeting's span, who opened it, and whether this is
 * a draft or the final record. Shared by the Markdown, PDF and Word writers so
 * the three say the same thing.
 */
import type { Locale } from "../../core/locale";
import type { MeetingRecordView, RecordSectionKey } from "../../core/record-contract";
import { formatUtc } from "../export/present";
import { recordWords, type RecordWords } from "./record-words";

interface PresentedRecord {
  words: RecordWords;
  title: string;
  marking: string;
  /** "Board: …", "Meeting: from … to …", "Opened by: …", the language line. */
  facts: string[];
  /** The draft notice, or the final line (adopted when, by whom). */
  status: string;
  isDraft: boolean;
  sections: { key: RecordSectionKey; heading: string; lines: string[] }[];
  /** "SHA-256 fingerprint: …" for a final record, else null. */
  fingerprintLine: string | null;
}

export function presentRecord(record: MeetingRecordView, locale: Locale): PresentedRecord {
  const words = recordWords(locale);
  const colon = locale === "fr" ? "\u00a0: " : ": ";
  const end = record.closedAt ? formatUtc(record.closedAt) : words.inProgress;
  return {
    words,
    title: words.recordTitle(record.number, record.title),
    marking: record.marking,
    facts: [
      `${words.board}${colon}${record.boardTitle}`,
      `${words.meeting}${colon}${words.from} ${formatUtc(record.openedAt)} ${words.to} ${end}`,
      `${words.openedBy}${colon}${record.openedByName}`,
      words.languageLine,
    ],
    status:
      record.finalisedAt && record.finalisedByName
        ? words.finalised(formatUtc(record.finalisedAt), record.finalisedByName)
        : words.draftNotice,
    isDraft: !record.finalisedAt,
    sections: record.sections.map((section) => ({
      key: section.key,
      heading: words.sections[section.key],
      lines: section.text.split("\n"),
    })),
    fingerprintLine: record.fingerprint ? `${words.fingerprint}${colon}${record.fingerprint}` : null,
  };
}
