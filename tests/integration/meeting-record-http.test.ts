/**
 * The record pages over HTTP: the real server with the Remix build (run
 * `npx remix build` first), real sessions and CSRF. A delegate's hand-made
 * POST is refused; the chair's edits and finalisation go through the page's
 * forms; downloads are attachments every member may take.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RemitServer } from "../../server/remit-server";
import { addMember, createAccount, type TestAccount } from "../support/accounts";
import { browserAs, startTestServerWithApp } from "../support/app-server";
import { createTestDatabase, type TestDatabase } from "../support/test-server";
import { docxText, readZipEntry } from "../support/zip-entry";

let database: TestDatabase;
let server: RemitServer;
let chair: TestAccount;
let delegate: TestAccount;
let observer: TestAccount;
let stranger: TestAccount;
let boardId: string;

const page = (_account?: TestAccount) => `/boards/${boardId}/record/1`;
const readRecord = () => server.record.getRecord(chair.user.id, boardId, 1);

beforeAll(async () => {
  database = createTestDatabase();
  ({ server } = await startTestServerWithApp(database));
  chair = await createAccount(server, "Claire", "NATO-IS");
  delegate = await createAccount(server, "Anna", "DE");
  observer = await createAccount(server, "Olivia", "IE");
  stranger = await createAccount(server, "Stranger", "IT");
  boardId = (await server.access.createBoard(chair.user.id, { title: "Record board", template: "starter" })).id;
  await addMember(server, chair, boardId, delegate, "delegate");
  await addMember(server, chair, boardId, observer, "observer");
});

afterAll(async () => {
  await server?.stop();
  database?.dispose();
});

// One meeting's record told in order (opened, refused edits, bad input, finalised, downloaded): each test starts
// where the one before left the record, so the order stays fixed under --sequence.shuffle.
describe("record pages", { shuffle: false }, () => {
  it("RECORD-1 the chair opens a meeting through the form; a delegate's hand-made open is refused 403", async () => {
    const refused = await browserAs(server, delegate).postForm(`/boards/${boardId}/record`, {
      intent: "open",
      title: "Sneaky",
      language: "en",
    });
    expect(refused.status).toBe(403);
    const opened = await browserAs(server, chair).postForm(`/boards/${boardId}/record`, {
      intent: "open",
      title: "Plenary of 28 November",
      language: "en",
    });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("Location")).toBe(`/boards/${boardId}/record/1`);
    const list = await (await browserAs(server, observer).get(`/boards/${boardId}/record`)).text();
    expect(list).toContain("Record of meeting 1: Plenary of 28 November");
    expect(list).not.toContain('data-testid="open-record-form"');
    const board = await (await browserAs(server, delegate).get(`/boards/${boardId}`)).text();
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
        const response = await browserAs(server, account).postForm(page(account), fields);
        expect(response.status, `${account.user.displayName} ${fields.intent}`).toBe(403);
      }
    }
    expect((await browserAs(server, stranger).get(page(stranger))).status).toBe(404);
    expect((await browserAs(server, stranger).get(`${page(stranger)}/export?format=md`)).status).toBe(404);
    expect(await readRecord()).toEqual(before);
    const readOnly = await (await browserAs(server, observer).get(page(observer))).text();
    expect(readOnly).not.toContain("<textarea");
    expect(readOnly).toContain("Positions and reservations");
  });

  it("RECORD-7 bad input over HTTP: 422 naming the field, 400 for an unknown intent or format, nothing changes", async () => {
    const before = await readRecord();
    const long = await browserAs(server, chair).postForm(page(chair), {
      intent: "save",
      section: "items",
      text: "x".repeat(50_001),
    });
    expect(long.status).toBe(422);
    // The field error travels as a message ref; the page words it in the reader's language.
    expect(await long.text()).toContain("forms.tooLong?max=50000");
    const section = await browserAs(server, chair).postForm(page(chair), { intent: "save", section: "x", text: "y" });
    expect(section.status).toBe(422);
    expect((await browserAs(server, chair).postForm(page(chair), { intent: "delete" })).status).toBe(400);
    expect((await browserAs(server, chair).get(`${page(chair)}/export?format=exe`)).status).toBe(400);
    expect((await browserAs(server, chair).get(`/boards/${boardId}/record/abc`)).status).toBe(404);
    expect((await browserAs(server, chair).get(`/boards/${boardId}/record/7`)).status).toBe(404);
    expect(await readRecord()).toEqual(before);
  });

  it("RECORD-5 the chair edits, finalises; then the page is read-only and a POST is refused 409", async () => {
    const saved = await browserAs(server, chair).postForm(page(chair), {
      intent: "save",
      section: "decisions",
      text: "The Committee took note of the report.",
    });
    expect(saved.status).toBe(200);
    expect((await browserAs(server, chair).postForm(page(chair), { intent: "finalise" })).status).toBe(200);
    const final = await readRecord();
    expect(final?.state).toBe("final");
    const html = await (await browserAs(server, chair).get(page(chair))).text();
    expect(html).toContain("The Committee took note of the report.");
    expect(html).toContain(final!.fingerprint!);
    expect(html).not.toContain("<textarea");
    const late = await browserAs(server, chair).postForm(page(chair), {
      intent: "save",
      section: "decisions",
      text: "changed after the fact",
    });
    expect(late.status).toBe(409);
    expect(await readRecord()).toEqual(final);
  });

  it("RECORD-6 every member downloads the record as Markdown, PDF and DOCX, in English or French", async () => {
    const final = (await readRecord())!;
    const md = await browserAs(server, observer).get(`${page(observer)}/export?format=md&lang=fr`);
    expect(md.status).toBe(200);
    expect(md.headers.get("Content-Disposition")).toMatch(/^attachment; filename="record-board-record-1-[\d-]+\.md"$/);
    expect(md.headers.get("X-Remit-Fingerprint")).toBe(final.fingerprint);
    const text = await md.text();
    expect(text).toContain("# Compte rendu de la réunion 1 — Plenary of 28 November");
    expect(text).toContain("The Committee took note of the report.");
    const docx = await browserAs(server, delegate).get(`${page(delegate)}/export?format=docx&lang=en`);
    expect(docx.headers.get("Content-Type")).toContain("wordprocessingml");
    const word = docxText(readZipEntry(Buffer.from(await docx.arrayBuffer()), "word/document.xml")!);
    expect(word).toContain("Record of meeting 1 — Plenary of 28 November");
    expect(word).toContain("The Committee took note of the report.");
    const pdf = await browserAs(server, delegate).get(`${page(delegate)}/export?format=pdf`);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });
});
