/**
 * I18N-16: every export format in French has French headers and labels and records its language — the matrix PDF
 * here (CSV, XLSX and Markdown in labels.test.ts), and the meeting record's Markdown, PDF and Word files.
 * I18N-17: the words a French record file writes itself follow French typography.
 */
import { describe, expect, it } from "vitest";
import type { MeetingRecordView } from "../../core/record-contract";
import { sampleSnapshot } from "../../tests/fixtures/sample-snapshot";
import { docxText, readZipEntry } from "../../tests/support/zip-entry";
import { pdfText } from "../../tests/support/pdf-text";
import { renderRecordFile } from "../record/record-files";
import { recordWords } from "../record/record-words";
import { EXPORT_LABELS } from "./labels";
import { exportPdf } from "./pdf";

const RECORD: MeetingRecordView = {
  number: 3,
  title: "Plénière",
  language: "fr",
  state: "closed",
  openedAt: "2026-03-05T09:00:00.000Z",
  openedByName: "Claire Martin",
  closedAt: "2026-03-05T12:00:00.000Z",
  finalisedAt: null,
  finalisedByName: null,
  boardTitle: "Menaces hybrides",
  marking: "PUBLIC",
  generatedAt: "2026-03-05T12:00:00.000Z",
  fingerprint: null,
  sections: [{ key: "items", generated: "Néant.", text: "Néant.", edited: false }],
};

describe("exports in French", () => {
  it("I18N-16 a French PDF of the matrix has French headings and labels and records its language", async () => {
    const fr = await pdfText((await exportPdf(sampleSnapshot({ rows: 3 }), { locale: "fr" })).body);
    const labels = EXPORT_LABELS.fr;
    expect(fr).toContain("Langue : Français");
    expect(fr).toContain(labels.distribution);
    expect(fr).toContain(labels.delegationsPresent);
    expect(fr).toContain("Page 1 sur");
    for (const english of ["Language: English", EXPORT_LABELS.en.distribution, EXPORT_LABELS.en.delegationsPresent])
      expect(fr).not.toContain(english);
    const en = await pdfText((await exportPdf(sampleSnapshot({ rows: 3 }), { locale: "en" })).body);
    expect(en).toContain("Language: English");
  });

  it("I18N-16 I18N-21 the French PDF's links chart is captioned in French, its counts written the French way", async () => {
    const snapshot = sampleSnapshot({ rows: 1200 });
    const fr = (await pdfText((await exportPdf(snapshot, { locale: "fr" })).body)).replace(/\s+/g, " ");
    expect(fr).toMatch(/1[\u00a0\u202f ]200 menaces × \d+ instruments liés \(\d+ menaces par bande, teinte/);
    expect(fr).toMatch(/Menaces : 1[\u00a0\u202f ]200/);
    for (const english of ["threats ×", "linked instruments", "per band", "share linked"])
      expect(fr).not.toContain(english);
    const en = (await pdfText((await exportPdf(snapshot, { locale: "en" })).body)).replace(/\s+/g, " ");
    expect(en).toMatch(/1,200 threats × \d+ linked instruments \(\d+ threats per band, shade = share linked\)/);
  });

  it.each(["md", "pdf", "docx"] as const)(
    "I18N-16 a French %s record has French labels and records its language",
    async (format) => {
      const file = await renderRecordFile(format, RECORD, "fr");
      const text =
        format === "md"
          ? file.body.toString("utf8")
          : format === "pdf"
            ? await pdfText(file.body)
            : docxText(readZipEntry(file.body, "word/document.xml")!);
      const squashed = text.replace(/\s+/g, " ");
      expect(squashed).toContain("Langue : français");
      expect(squashed).toContain("Compte rendu de la réunion 3 — Plénière");
      expect(squashed).toContain("Ouverte par : Claire Martin");
      expect(squashed).not.toMatch(/Language|Opened by|Record of meeting/);
    },
  );

  it("I18N-17 a French record file puts a no-break space before its colons and semicolons and inside guillemets", () => {
    const markdown = renderRecordFile("md", RECORD, "fr").then((file) => file.body.toString("utf8"));
    const words = recordWords("fr");
    const sentences = [
      words.languageLine,
      words.agendaRows(["A", "B"]),
      words.alsoDiscussed,
      words.silenceAdopted("Câbles", "5 mars"),
      words.silenceBroken("Câbles", "Allemagne", "5 mars"),
      words.position("Câbles", "Allemagne", "Réserve", "Anna", "5 mars"),
    ];
    for (const sentence of sentences) {
      expect(sentence, sentence).not.toMatch(/ [:;!?»]|« /);
      expect(sentence, sentence).toMatch(/\u00a0[:;»]/);
      // Every colon and semicolon, those between the items of a list too.
      expect(sentence, sentence).not.toMatch(/[^\u00a0][:;]/);
    }
    return expect(markdown).resolves.toContain("Langue\u00a0: français");
  });
});
