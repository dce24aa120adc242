/**
 * Deterministic sample snapshots for tests and the export benchmark: same
 * input → same bytes → same fingerprint, so failures are reproducible.
 * Names carry the characters real delegates have (Ł, ø, ş) on purpose.
 */
import { CATEGORIES, RESPONSIBILITIES, LEADS, type NewRowInput } from "../../app/lib/board-doc";
import {
  MATRIX_FORMAT,
  MATRIX_FORMAT_VERSION,
  POSITION_KINDS,
  WORKFLOW_STATES,
  type MatrixSnapshot,
  type SnapshotInstrument,
  type SnapshotRow,
} from "../../app/lib/matrix-snapshot";

export const SAMPLE_INSTRUMENTS: SnapshotInstrument[] = [
  {
    id: "nato-ccdcoe",
    name: "CCDCOE Tallinn Manual",
    owner: "NATO",
    kind: "doctrine",
    year: 2017,
    reference: "TM 2.0",
    custom: false,
  },
  {
    id: "nato-art5",
    name: "Article 5",
    owner: "NATO",
    kind: "treaty",
    year: 1949,
    reference: "NAT Art. 5",
    custom: false,
  },
  {
    id: "eu-nis2",
    name: "NIS2 Directive",
    owner: "EU",
    kind: "directive",
    year: 2022,
    reference: "2022/2555",
    custom: false,
  },
  {
    id: "eu-cra",
    name: "Cyber Resilience Act",
    owner: "EU",
    kind: "regulation",
    year: 2024,
    reference: "2024/2847",
    custom: false,
  },
  {
    id: "joint-decl",
    name: "Joint Declaration",
    owner: "Joint",
    kind: "declaration",
    year: 2023,
    reference: "",
    custom: false,
  },
  {
    id: "custom-pl-1",
    name: "Krajowy plan; Łódź",
    owner: "National",
    kind: "plan",
    year: null,
    reference: "PL/2025",
    custom: true,
  },
];

const DELEGATES = [
  { delegation: "PL", delegationName: "Poland", recordedBy: "Łukasz Wróbel" },
  { delegation: "DK", delegationName: "Denmark", recordedBy: "Mette Ørsted" },
  { delegation: "TR", delegationName: "Türkiye", recordedBy: "Elif Şahin" },
  { delegation: "FR", delegationName: "France", recordedBy: "Anne Lefèvre" },
];

const AT = "2025-03-04T10:00:00.000Z";

export function sampleRow(index: number): SnapshotRow {
  const responsibility = RESPONSIBILITIES[index % RESPONSIBILITIES.length];
  const instrumentIds = SAMPLE_INSTRUMENTS.filter((_, i) => (index + i) % 3 === 0)
    .map((instrument) => instrument.id)
    .sort();
  const positions = DELEGATES.slice(0, 1 + (index % DELEGATES.length)).map((delegate, i) => {
    const position = POSITION_KINDS[(index + i) % POSITION_KINDS.length];
    const text = position === "reserve" || position === "object" ? `Reason ${index}-${i}: scope, "wording"` : null;
    return { ...delegate, position, text, recordedAt: AT };
  });
  return {
    id: `row-${String(index).padStart(4, "0")}`,
    title: `Threat ${index + 1}: disruption of ${CATEGORIES[index % CATEGORIES.length]} services`,
    description: `Description of threat ${index + 1}, with a comma, and a second clause.`,
    notes: index % 4 === 0 ? "Multi-line note\nsecond line" : "",
    category: CATEGORIES[index % CATEGORIES.length],
    responsibility,
    lead: responsibility === "Shared" ? LEADS[index % LEADS.length] : null,
    instrumentIds,
    workflowState: WORKFLOW_STATES[index % WORKFLOW_STATES.length],
    positions,
  };
}

export function sampleSnapshot(options: { rows?: number; live?: boolean } = {}): MatrixSnapshot {
  const count = options.rows ?? 12;
  return {
    format: MATRIX_FORMAT,
    formatVersion: MATRIX_FORMAT_VERSION,
    board: { id: "board-1", title: "Hybrid threats — Łódź working group" },
    version: options.live
      ? null
      : {
          number: 3,
          title: "Spring plenary",
          publishedAt: "2025-03-05T16:30:00.000Z",
          publishedBy: { name: "Łukasz Wróbel", delegation: "PL" },
          procedure: "consensus",
        },
    delegationsPresent: DELEGATES.map((d) => d.delegation),
    instruments: SAMPLE_INSTRUMENTS,
    rows: Array.from({ length: count }, (_, i) => sampleRow(i)),
  };
}

/** Payloads a spreadsheet would run as formulas if written as they are. */
export const INJECTION_PAYLOADS = ['=HYPERLINK("http://x")', "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"];

/** Cells that break naive CSV/XLSX writers: separators, quotes, newlines, accents, formula starts. */
export function trickySnapshot(options: { live?: boolean } = {}): MatrixSnapshot {
  const base = sampleSnapshot({ rows: 0, live: options.live });
  const plain = sampleRow(0);
  const rows: SnapshotRow[] = [
    {
      ...plain,
      id: "tricky-1",
      title: 'Port of Łódź, "north" gate',
      description: "Line one\nline two, with a comma",
      notes: 'Ørsted said "no"; Şahin agreed\r\nCRLF kept',
      responsibility: "Shared",
      lead: "EU",
      instrumentIds: ["custom-pl-1", "eu-nis2"],
      positions: [
        {
          delegation: "TR",
          delegationName: "Türkiye",
          position: "reserve",
          text: 'Şahin: "needs, review"\nsecond line',
          recordedBy: "Elif Şahin",
          recordedAt: AT,
        },
        {
          delegation: "DK",
          delegationName: "Denmark",
          position: "object",
          text: "Ørsted objects",
          recordedBy: "Mette Ørsted",
          recordedAt: AT,
        },
      ],
    },
    ...INJECTION_PAYLOADS.map((payload, i) => ({
      ...plain,
      id: `inject-${i}`,
      title: `${payload} title`,
      notes: payload,
      description: payload,
    })),
    { ...plain, id: "quoted", title: "'=already quoted", notes: "'plain apostrophe" },
    { ...plain, id: "marker", title: "#remit:fingerprint", notes: "" },
  ];
  return { ...base, rows };
}

/** What an import of an exported row should give back (positions and workflow are not imported). */
export function rowInputOf(row: SnapshotRow): NewRowInput {
  return {
    title: row.title,
    description: row.description,
    notes: row.notes,
    category: row.category,
    responsibility: row.responsibility,
    lead: row.lead,
    instrumentIds: [...row.instrumentIds].sort(),
  };
}

/** The board's instruments, as an importer's context (custom ones excluded, as on a fresh board). */
export const LIBRARY_CONTEXT = { instruments: SAMPLE_INSTRUMENTS.filter((i) => !i.custom) };
