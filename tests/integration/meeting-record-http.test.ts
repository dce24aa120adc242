/**
 * The record pages over HTTP: the real server with the Remix build (run
 * `npx remix build` first), real sessions and CSRF. A delegate's hand-made
 * POST is refused; the chair's edits and finalisation go through the page's
 * forms; downloads are attachments every member may take.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TestAccount } from "../support/accounts";
import { givenBoard } from "../support/given-board";
import { givenAppServer } from "../support/given-server";
import { docxText, readZipEntry } from "../support/zip-entry";

const remit = givenAppServer();
let chair: TestAccount;
let delegate: TestAccount;
let observer: TestAccount;
let stranger: TestAccount;
let boardId: string;

const page = (_account?: TestAccount) => `/boards/${boardId}/record/1`;
const readRecord = () => remit.server.record.getRecord(chair.user.id, boardId, 1);

beforeAll(async () => {
  ({
    chair,
    boardId,
    members: { delegate, observer },
    strangers: { stranger },
  } = await givenBoard(remit.server, {
    title: "Record board",
    template: "starter",
    chair: ["Claire", "NATO-IS"],
    members: { delegate: ["Anna", "DE", "delegate"], observer: ["Olivia", "IE", "observer"] },
    strangers: { stranger: ["Stranger", "IT"] },
  }));
});

// One meeting's record told in order (opened, refused edits, bad input, finalised, downloaded): each test starts
// where the one before left the record, so the order stays fixed under --sequence.shuffle.
describe("record pages", { shuffle: false }, () => {
  it("RECORD-1 the chair opens a meeting through the form; a delegate's hand-made open is refused 403", async () => {
    const refused = await remit.postAs(delegate, `/boards/${boardId}/record`, {
      intent: "open",
      title: "Sneaky",
      language: "en",
    });
    expect(refused.status).toBe(403);
    const opened = await remit.postAs(chair, `/boards/${boardId}/record`, {
      intent: "open",
      title: "Plenary of 28 November",
      language: "en",
    });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("Location")).toBe(`/boards/${boardId}/record/1`);
    const list = await (await remit.getAs(observer, `/boards/${boardId}/record`)).text();
    expect(list).toContain("Record of meeting 1: Plenary of 28 November");
    expect(list).not.toContain('data-testid="open-record-form"');
    const board = await (await remit.getAs(delegate, `/boards/${boardId}`)).text();
    expect(board).toContain(`href="/boards/${boardId}/record"`);
  });

  it("RECORD-3 hand-made edits by a delegate or observer get 403 and change nothing; strangers get 404", async () => {
    const before = await readRecord();
    for (const account of [delegate, observer]) {
      const attempts: Record<string, string>[] = [
        { intent: "save", section: "positions", text: "rewritten" },
        { intent: "use-generated", section: "positions" },
        { intent: "regenerate" },
        { intent: "close" },
        { intent: "finalise" },
      ];
      for (const fields of attempts) {
        const response = await remit.postAs(account, page(account), fields);
        expect(response.status, `${account.user.displayName} ${fields.intent}`).toBe(403);
      }
    }
    expect((await remit.getAs(stranger, page(stranger))).status).toBe(404);
    expect((await remit.getAs(stranger, `${page(stranger)}/export?format=md`)).status).toBe(404);
    expect(await readRecord()).toEqual(before);
    const readOnly = await (await remit.getAs(observer, page(observer))).text();
    expect(readOnly).not.toContain("<textarea");
    expect(readOnly).toContain("Positions and reservations");
  });

  it("RECORD-7 bad input over HTTP: 422 naming the field, 400 for an unknown intent or format, nothing changes", async () => {
    const before = await readRecord();
    const long = await remit.postAs(chair, page(chair), {
      intent: "save",
      section: "items",
      text: "x".repeat(50_001),
    });
    expect(long.status).toBe(422);
    // The field error travels as a message ref; the page words it in the reader's language.
    expect(await long.text()).toContain("forms.tooLong?max=50000");
    const section = await remit.postAs(chair, page(chair), { intent: "save", section: "x", text: "y" });
    expect(section.status).toBe(422);
    expect((await remit.postAs(chair, page(chair), { intent: "delete" })).status).toBe(400);
    expect((await remit.getAs(chair, `${page(chair)}/export?format=exe`)).status).toBe(400);
    expect((await remit.getAs(chair, `/boards/${boardId}/record/abc`)).status).toBe(404);
    expect((await remit.getAs(chair, `/boards/${boardId}/record/7`)).status).toBe(404);
    expect(await readRecord()).toEqual(before);
  });

  it("RECORD-5 the chair edits, finalises; then the page is read-only and a POST is refused 409", async () => {
    const saved = await remit.postAs(chair, page(chair), {
      intent: "save",
      section: "decisions",
      text: "The Committee took note of the report.",
    });
    expect(saved.status).toBe(200);
    expect((await remit.postAs(chair, page(chair), { intent: "finalise" })).status).toBe(200);
    const final = await readRecord();
    expect(final?.state).toBe("final");
    const html = await (await remit.getAs(chair, page(chair))).text();
    expect(html).toContain("The Committee took note of the report.");
    expect(html).toContain(final!.fingerprint!);
    expect(html).not.toContain("<textarea");
    const late = await remit.postAs(chair, page(chair), {
      intent: "save",
      section: "decisions",
      text: "changed after the fact",
    });
    expect(late.status).toBe(409);
    expect(await readRecord()).toEqual(final);
  });

  it("RECORD-6 every member downloads the record as Markdown, PDF and DOCX, in English or French", async () => {
    const final = (await readRecord())!;
    const md = await remit.getAs(observer, `${page(observer)}/export?format=md&lang=fr`);
    expect(md.status).toBe(200);
    // A French file is named in French (I18N-16): "compte-rendu", not "record".
    expect(md.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="record-board-compte-rendu-1-[\d-]+\.md"$/,
    );
    expect(md.headers.get("X-Remit-Fingerprint")).toBe(final.fingerprint);
    const text = await md.text();
    expect(text).toContain("# Compte rendu de la réunion 1 — Plenary of 28 November");
    expect(text).toContain("The Committee took note of the report.");
    const docx = await remit.getAs(delegate, `${page(delegate)}/export?format=docx&lang=en`);
    expect(docx.headers.get("Content-Type")).toContain("wordprocessingml");
    const word = docxText(readZipEntry(Buffer.from(await docx.arrayBuffer()), "word/document.xml")!);
    expect(word).toContain("Record of meeting 1 — Plenary of 28 November");
    expect(word).toContain("The Committee took note of the report.");
    const pdf = await remit.getAs(delegate, `${page(delegate)}/export?format=pdf`);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });
});
