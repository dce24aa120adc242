/**
 * The record of a meeting against the real server and database: a meeting
 * with positions, a reservation, a silence broken and one adopted, a decision
 * by consensus; the chair edits, regenerates and finalises; files are rendered
 * in the worker pool and read back (Markdown text, DOCX XML, PDF text).
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readRows } from "../../core/board-doc";
import type { MeetingRecordView } from "../../core/record-contract";
import type { TestAccount } from "../support/accounts";
import { givenBoard } from "../support/given-board";
import { givenTestServer } from "../support/given-server";
import { docxText, readZipEntry } from "../support/zip-entry";
import { pdfText } from "../support/pdf-text";

const remit = givenTestServer();
let chair: TestAccount;
let germany: TestAccount;
let france: TestAccount;
let observer: TestAccount;
let stranger: TestAccount;
let boardId: string;
let rows: { id: string; title: string }[];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 6000; i++) {
    const value = await read();
    if (ok(value)) return value;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}
const section = (record: MeetingRecordView | null, key: string) => record!.sections.find((s) => s.key === key)!;
const recordOf = (number: number, account = chair) => remit.server.record.getRecord(account.user.id, boardId, number);

beforeAll(async () => {
  const given = await givenBoard(remit.server, {
    title: "Hybrid threats, Łódź",
    template: "starter",
    chair: ["Claire", "NATO-IS"],
    members: {
      germany: ["Anna", "DE", "delegate"],
      france: ["Pierre", "FR", "delegate"],
      observer: ["Olivia", "IE", "observer"],
    },
    strangers: { stranger: ["Stranger", "IT"] },
  });
  ({ boardId, chair } = given);
  ({ germany, france, observer } = given.members);
  stranger = given.strangers.stranger;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await remit.server.registry.readState(boardId));
  rows = readRows(doc).map((row) => ({ id: row.id, title: row.title }));
});

// One meeting told in order: each step builds on the record the step before left (RECORD-1 opens it, later
// steps write, finalise and export it), so its tests keep their order under `--sequence.shuffle`.
describe("one meeting, from opening the record to its exports", { shuffle: false }, () => {
  describe("a meeting and its record", () => {
    it("RECORD-1 only the chair opens a record; one meeting at a time; numbered per board", async () => {
      // Before the meeting: must not appear in its record (RECORD-2 checks).
      await remit.server.consensus.recordPosition(germany.user.id, boardId, {
        rowId: rows[3].id,
        position: "reserve",
        text: "Said before the meeting",
      });
      await sleep(30);
      await expect(
        remit.server.record.openRecord(germany.user.id, boardId, { title: "Plenary", language: "en" }),
      ).rejects.toMatchObject({ status: 403 });
      expect(
        await remit.server.record.openRecord(chair.user.id, boardId, { title: "Plenary", language: "en" }),
      ).toEqual({
        ok: true,
        number: 1,
      });
      expect(
        await remit.server.record.openRecord(chair.user.id, boardId, { title: "Second", language: "en" }),
      ).toMatchObject({
        ok: false,
        fieldErrors: { title: "record.alreadyOpen" },
      });
      expect(
        (await remit.server.record.listRecords(observer.user.id, boardId)).map((r) => [r.number, r.state]),
      ).toEqual([[1, "open"]]);
    });

    it("RECORD-2 the draft lists items, decisions, positions with reservation texts and who broke silence", async () => {
      const [adopted, broken, agreed] = rows;
      // A reservation, then silence broken by France's objection.
      await remit.server.consensus.propose(chair.user.id, boardId, {
        rowId: broken.id,
        procedure: "silence",
        silenceDeadline: new Date(Date.now() + 3_600_000).toISOString(),
      });
      await remit.server.consensus.recordPosition(germany.user.id, boardId, {
        rowId: broken.id,
        position: "reserve",
        text: "Pending legal review in Berlin",
      });
      await remit.server.consensus.recordPosition(france.user.id, boardId, {
        rowId: broken.id,
        position: "object",
        text: "The lead must stay national",
      });
      // Agreed by consensus.
      await remit.server.consensus.propose(chair.user.id, boardId, { rowId: agreed.id, procedure: "consensus" });
      await remit.server.consensus.recordPosition(germany.user.id, boardId, { rowId: agreed.id, position: "support" });
      await remit.server.consensus.recordPosition(france.user.id, boardId, { rowId: agreed.id, position: "support" });
      expect(await remit.server.consensus.declareAgreed(chair.user.id, boardId, agreed.id)).toEqual({ ok: true });
      // Silence that nobody breaks: adopted at its (short) deadline by the server's scheduler.
      await remit.server.consensus.propose(chair.user.id, boardId, {
        rowId: adopted.id,
        procedure: "silence",
        silenceDeadline: new Date(Date.now() + 1_000).toISOString(),
      });
      await until(
        () => remit.server.consensus.getBoardConsensus(chair.user.id, boardId),
        (view) => view.rows[adopted.id]?.workflow.state === "agreed",
        "silence adoption",
      );

      expect(await remit.server.record.regenerate(chair.user.id, boardId, 1)).toEqual({ ok: true });
      const record = await recordOf(1, observer);
      const items = section(record, "items").text;
      expect(items.split("\n")).toEqual([`1. ${broken.title}`, `2. ${agreed.title}`, `3. ${adopted.title}`]);
      const decisions = section(record, "decisions").text;
      expect(decisions).toContain(`“${agreed.title}” agreed (Consensus)`);
      expect(decisions).toContain(`“${adopted.title}” agreed (Silence procedure)`);
      expect(decisions).toContain(`“${broken.title}” proposed for agreement (Silence procedure)`);
      const positions = section(record, "positions").text;
      expect(positions).toContain(`“${broken.title}” — Germany: Reserve: “Pending legal review in Berlin” (Anna,`);
      expect(positions).toContain(`“${broken.title}” — France: Object: “The lead must stay national” (Pierre,`);
      expect(positions).toContain(`“${agreed.title}” — France: Support (Pierre,`);
      expect(positions).not.toContain("Said before the meeting");
      const silence = section(record, "silence").text;
      expect(silence).toContain(`“${broken.title}”: silence broken by France`);
      expect(silence).toContain(`“${adopted.title}”: silence not broken; adopted at the deadline`);
      expect(section(record, "brackets").text).toBe("None.");
    });

    it("RECORD-3 delegates and observers cannot change a record; non-members read nothing", async () => {
      const before = await recordOf(1);
      for (const account of [germany, observer]) {
        const id = account.user.id;
        await expect(
          remit.server.record.editSection(id, boardId, 1, { section: "positions", text: "rewritten" }),
        ).rejects.toMatchObject({ status: 403 });
        await expect(remit.server.record.regenerate(id, boardId, 1)).rejects.toMatchObject({ status: 403 });
        await expect(remit.server.record.closeRecord(id, boardId, 1)).rejects.toMatchObject({ status: 403 });
        await expect(remit.server.record.finalise(id, boardId, 1)).rejects.toMatchObject({ status: 403 });
      }
      await expect(recordOf(1, stranger)).rejects.toMatchObject({ status: 404 });
      await expect(remit.server.record.listRecords(stranger.user.id, boardId)).rejects.toMatchObject({ status: 404 });
      await expect(remit.server.record.exportRecord(stranger.user.id, boardId, 1, "md", "en")).rejects.toMatchObject({
        status: 404,
      });
      expect(await recordOf(1)).toEqual(before);
    });

    it("RECORD-7 bad input is refused naming the field and changes nothing", async () => {
      const before = await recordOf(1);
      expect(
        await remit.server.record.editSection(chair.user.id, boardId, 1, { section: "minutes", text: "x" }),
      ).toMatchObject({ ok: false, fieldErrors: { section: expect.any(String) } });
      expect(
        await remit.server.record.editSection(chair.user.id, boardId, 1, {
          section: "items",
          text: "x".repeat(50_001),
        }),
      ).toMatchObject({ ok: false, fieldErrors: { text: "forms.tooLong?max=50000" } });
      expect(
        await remit.server.record.openRecord(chair.user.id, boardId, { title: " ", language: "en" }),
      ).toMatchObject({
        ok: false,
        fieldErrors: { title: expect.any(String) },
      });
      expect(
        await remit.server.record.openRecord(chair.user.id, boardId, { title: "x", language: "de" }),
      ).toMatchObject({
        ok: false,
        fieldErrors: { language: expect.any(String) },
      });
      expect(await recordOf(1)).toEqual(before);
    });

    it("RECORD-4 regenerating keeps the chair's edited section and refreshes only its generated text", async () => {
      const edited = "Germany entered a reservation; France objected. The Chair will consult.";
      expect(
        await remit.server.record.editSection(chair.user.id, boardId, 1, { section: "positions", text: edited }),
      ).toEqual({
        ok: true,
      });
      await remit.server.consensus.recordPosition(germany.user.id, boardId, {
        rowId: rows[4].id,
        position: "abstain",
      });
      expect(await remit.server.record.regenerate(chair.user.id, boardId, 1)).toEqual({ ok: true });
      let record = await recordOf(1);
      expect(section(record, "positions")).toMatchObject({ text: edited, edited: true });
      expect(section(record, "positions").generated).toContain(`“${rows[4].title}” — Germany: Abstain`);
      // Untouched sections follow the events.
      expect(section(record, "items").text).toContain(`4. ${rows[4].title}`);
      expect(await remit.server.record.resetSection(chair.user.id, boardId, 1, { section: "positions" })).toEqual({
        ok: true,
      });
      record = await recordOf(1);
      expect(section(record, "positions")).toMatchObject({ edited: false });
      expect(section(record, "positions").text).toContain("Germany: Abstain");
      await remit.server.record.editSection(chair.user.id, boardId, 1, { section: "positions", text: edited });
    });

    it("RECORD-5 finalising fixes the record; every later change is refused and changes nothing", async () => {
      expect(await remit.server.record.finalise(chair.user.id, boardId, 1)).toEqual({ ok: true });
      const final = (await recordOf(1))!;
      expect(final.state).toBe("final");
      expect(final.closedAt).not.toBeNull();
      expect(final.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(final.finalisedByName).toBe("Claire (NATO International Staff)");
      expect(section(final, "positions").text).toBe(
        "Germany entered a reservation; France objected. The Chair will consult.",
      );
      await remit.server.consensus.recordPosition(france.user.id, boardId, { rowId: rows[4].id, position: "support" });
      const refused = { ok: false, problem: "finalised" };
      expect(await remit.server.record.editSection(chair.user.id, boardId, 1, { section: "items", text: "x" })).toEqual(
        refused,
      );
      expect(await remit.server.record.resetSection(chair.user.id, boardId, 1, { section: "positions" })).toEqual(
        refused,
      );
      expect(await remit.server.record.regenerate(chair.user.id, boardId, 1)).toEqual(refused);
      expect(await remit.server.record.closeRecord(chair.user.id, boardId, 1)).toEqual(refused);
      expect(await remit.server.record.finalise(chair.user.id, boardId, 1)).toEqual(refused);
      expect(await recordOf(1)).toEqual(final);
      // The next meeting may open now, and gets the next number.
      expect(
        await remit.server.record.openRecord(chair.user.id, boardId, { title: "Réunion", language: "fr" }),
      ).toEqual({
        ok: true,
        number: 2,
      });
    });

    it("RECORD-8 I18N-9 I18N-11 I18N-17 items taken follow the agenda; a bracket resolution names the chosen and withdrawn sides with sponsors", async () => {
      // Meeting 2 (in French) is open; the chair puts an item on the agenda and takes it.
      const [agendaRow, bracketRow, outside] = [rows[5], rows[6], rows[7]];
      expect(
        await remit.server.meeting.addItem(chair.user.id, boardId, {
          title: "Menaces hybrides",
          rowIds: [agendaRow.id, bracketRow.id],
        }),
      ).toMatchObject({ ok: true });
      const [item] = (await remit.server.meeting.getMeeting(chair.user.id, boardId)).items;
      expect(await remit.server.meeting.setCurrentItem(chair.user.id, boardId, { itemId: item.id })).toEqual({
        ok: true,
      });
      await remit.server.consensus.recordPosition(france.user.id, boardId, { rowId: outside.id, position: "abstain" });
      await remit.server.consensus.recordPosition(germany.user.id, boardId, { rowId: outside.id, position: "support" });
      const propose = (account: TestAccount, responsibility: string, lead?: string) =>
        remit.server.brackets.proposeAlternative(account.user.id, boardId, {
          rowId: bracketRow.id,
          field: "responsibility",
          responsibility,
          ...(lead ? { lead } : {}),
        });
      expect(await propose(germany, "Shared", "EU")).toEqual({ ok: true });
      expect(await propose(france, "NATO")).toEqual({ ok: true });
      const [bracket] = (await remit.server.brackets.list(chair.user.id, boardId)).brackets;
      const shared = bracket.alternatives.find((alternative) => alternative.proposedByName === "Anna")!;
      expect(
        await remit.server.brackets.resolve(chair.user.id, boardId, { bracketId: bracket.id, choice: shared.id }),
      ).toEqual({ ok: true });
      expect(await remit.server.record.regenerate(chair.user.id, boardId, 2)).toEqual({ ok: true });
      const record = await recordOf(2);
      expect(section(record, "items").text.split("\n")).toEqual([
        "1. Menaces hybrides",
        `   Lignes\u00a0: ${agendaRow.title}\u00a0; ${bracketRow.title}`,
        "Également examiné hors ordre du jour\u00a0:",
        `- ${outside.title}`,
      ]);
      const resolved = section(record, "brackets").text;
      // I18N-9: the sides in the record's language.
      expect(resolved).toContain(
        `«\u00a0${bracketRow.title}\u00a0»\u00a0: la présidence a retenu [Partagée, Chef de file UE] (parrainé par DE)`,
      );
      expect(resolved).toContain("retiré\u00a0: [OTAN] (FR)");
      // I18N-11: the delegations named in the record's language.
      expect(section(record, "positions").text).toMatch(/Allemagne\s?: Soutien/);
      expect(section(record, "positions").text).not.toContain("Germany");
    });
  });

  describe("exports", () => {
    it("RECORD-6 Markdown, PDF and DOCX in English and French say what the record says", async () => {
      const final = (await recordOf(1))!;
      const exportAs = (format: "md" | "pdf" | "docx", locale: "en" | "fr") =>
        remit.server.record.exportRecord(observer.user.id, boardId, 1, format, locale);

      const md = (await exportAs("md", "en"))!;
      expect(md.fileName).toMatch(/^hybrid-threats-lodz-record-1-\d{4}-\d{2}-\d{2}\.md$/);
      const markdown = Buffer.from(md.body).toString("utf8");
      expect(markdown.split("\n")[0]).toBe("**PUBLIC**");
      expect(markdown.trimEnd().split("\n").at(-1)).toBe("**PUBLIC**");
      expect(markdown).toContain("# Record of meeting 1 — Plenary");
      expect(markdown).toContain("## Positions and reservations");
      expect(markdown).toContain("Germany entered a reservation; France objected.");
      expect(markdown).toContain(`SHA-256 fingerprint: ${final.fingerprint}`);
      expect(markdown).toContain("Final record, adopted");
      const frMarkdown = Buffer.from((await exportAs("md", "fr"))!.body).toString("utf8");
      expect(frMarkdown).toContain("# Compte rendu de la réunion 1 — Plenary");
      expect(frMarkdown).toContain("## Procédures d’approbation tacite");
      expect(frMarkdown).toContain("silence broken by France");

      const docx = (await exportAs("docx", "fr"))!;
      expect(docx.contentType).toContain("wordprocessingml");
      const word = docxText(readZipEntry(Buffer.from(docx.body), "word/document.xml")!);
      expect(word.split("\n")[0]).toBe("PUBLIC");
      expect(word.split("\n").at(-1)).toBe("PUBLIC");
      expect(word).toContain("Compte rendu de la réunion 1 — Plenary");
      expect(word).toContain("Positions et réserves");
      expect(word).toContain("Germany entered a reservation; France objected. The Chair will consult.");
      expect(word).toContain(`Empreinte SHA-256\u00a0: ${final.fingerprint}`);
      expect(word).toContain(`silence broken by France`);

      const pdf = (await exportAs("pdf", "en"))!;
      expect(Buffer.from(pdf.body).subarray(0, 5).toString()).toBe("%PDF-");
      const text = await pdfText(pdf.body);
      expect(text).toContain("Record of meeting 1 — Plenary");
      expect(text).toContain("Silence procedures");
      expect(text).toContain("Germany entered a reservation; France objected.");
      expect(text).toContain(final.fingerprint!);
      expect(text).toContain("Page 1 of");
      expect(text.match(/PUBLIC/g)?.length).toBeGreaterThanOrEqual(2);
      const frPdf = await pdfText((await exportAs("pdf", "fr"))!.body);
      expect(frPdf).toContain("Décisions");
      expect(frPdf).toContain("Page 1 sur");
    });

    it("RECORD-6 a draft record exports with the draft notice in the file's language", async () => {
      const md = Buffer.from((await remit.server.record.exportRecord(germany.user.id, boardId, 2, "md", "en"))!.body);
      expect(md.toString("utf8")).toContain("DRAFT summary record — not final");
      const word = docxText(
        readZipEntry(
          Buffer.from((await remit.server.record.exportRecord(germany.user.id, boardId, 2, "docx", "fr"))!.body),
          "word/document.xml",
        )!,
      );
      expect(word).toContain("PROJET de compte rendu — non définitif");
      expect(await remit.server.record.exportRecord(germany.user.id, boardId, 9, "md", "en")).toBeNull();
    });
  });
});
