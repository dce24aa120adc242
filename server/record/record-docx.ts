/**
 * The record as a Word document (docx 9): what delegations circulate and
 * amend. Headings are real Word headings (navigation pane, accessible), the
 * draft notice is a paragraph of its own, and the fingerprint of a final
 * record closes the document. Each line of a section is a paragraph.
 */
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from "docx";
import type { Locale } from "../../core/locale";
import type { MeetingRecordView } from "../../core/record-contract";
import { presentRecord } from "./record-present";

// Word refuses XML 1.0's forbidden control characters: drop them (newlines are already paragraph breaks).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const clean = (text: string) => text.replace(CONTROLS, "");

export async function renderRecordDocx(record: MeetingRecordView, locale: Locale): Promise<Buffer> {
  const presented = presentRecord(record, locale);
  const marking = () =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: clean(presented.marking), bold: true })],
    });
  const children: Paragraph[] = [
    marking(),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(presented.title))] }),
    new Paragraph({
      children: [
        new TextRun({ text: clean(presented.status), bold: true, color: presented.isDraft ? "B00020" : "000000" }),
      ],
    }),
    ...presented.facts.map((fact) => new Paragraph({ children: [new TextRun(clean(fact))] })),
  ];
  for (const section of presented.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(clean(section.heading))] }));
    for (const line of section.lines) {
      const bullet = line.startsWith("- ");
      children.push(
        new Paragraph({
          ...(bullet ? { bullet: { level: 0 } } : {}),
          children: [new TextRun(clean(bullet ? line.slice(2) : line))],
        }),
      );
    }
  }
  if (presented.fingerprintLine)
    children.push(new Paragraph({ children: [new TextRun({ text: presented.fingerprintLine, size: 16 })] }));
  children.push(marking());
  const document = new Document({
    creator: "Remit",
    title: clean(presented.title),
    description: clean(presented.status),
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES], size: 16 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
