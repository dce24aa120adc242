/**
 * I18N-8: a refusal reaches a French reader in French, over HTTP, through the real server and Remix build
 * (run `npx remix build` first): an import over a limit and a declaration of agreement on a row nobody
 * proposed. The language is the account's setting, else Accept-Language (decision 014).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fr } from "../../app/i18n/fr";
import { en } from "../../app/i18n/en";
import { appendRows } from "../../core/board-doc";
import { addMember, createAccount, type TestAccount } from "../support/accounts";
import { givenBoard } from "../support/given-board";
import { givenAppServer } from "../support/given-server";
import { editBoard } from "../support/board-editing";

const remit = givenAppServer();
let chair: TestAccount;
let boardId: string;
let rowId: string;

beforeAll(async () => {
  ({ chair, boardId } = await givenBoard(remit.server, {
    title: "Menaces hybrides",
    chair: ["Chair", "FR"],
  }));
  [rowId] = await editBoard(remit.server, chair, boardId, (doc) => appendRows(doc, [{ title: "Câbles sous-marins" }]));
});

/** A chair's browser, reading in `language` (Accept-Language). */
const browserIn = (language: string, account = chair) =>
  remit.browser(account, { headers: { "Accept-Language": language } });

const declare = (language: string, account = chair) =>
  browserIn(language, account).postForm(`/boards/${boardId}/consensus`, { intent: "declare-agreed", rowId });

const importCsv = (csv: string, language: string, account = chair) =>
  browserIn(language, account).postParts(`/boards/${boardId}/import.json`, {
    intent: "preview",
    file: new File([csv], "threats.csv"),
  });

const TOO_MANY_ROWS = "Title\r\n" + "Menace\r\n".repeat(6_001);

describe("I18N-8 refusals in the reader's language", () => {
  it("I18N-8 declaring agreement on a row nobody proposed is refused in French for Accept-Language: fr", async () => {
    const french = await declare("fr-FR,fr;q=0.9");
    expect(french.status).toBe(422);
    expect(await french.json()).toEqual({
      intent: "declare-agreed",
      ok: false,
      fieldErrors: { rowId: fr.workflow.proposeFirst },
    });
    const english = await declare("en-GB");
    expect(await english.json()).toMatchObject({ fieldErrors: { rowId: en.workflow.proposeFirst } });
  });

  it("I18N-8 an import over the row limit is refused 413 in French, numbers written the French way", async () => {
    const response = await importCsv(TOO_MANY_ROWS, "fr");
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      ok: false,
      limit: "rows",
      message: "Le fichier compte plus de 6\u202f000 lignes (limite : rows).",
    });
  });

  it("I18N-8 the account's language wins over the browser's", async () => {
    // A co-chair of its own: an account that has picked a language keeps it, and the other tests need the
    // chair's account without one (the browser's language applies).
    const coChair = await createAccount(remit.server, "Co-chair", "BE");
    await addMember(remit.server, chair, boardId, coChair, "chair");
    await remit.server.auth.setLocale(coChair.user.id, "fr");
    expect(await (await declare("en-US", coChair)).json()).toMatchObject({
      fieldErrors: { rowId: fr.workflow.proposeFirst },
    });
    expect(await (await importCsv(TOO_MANY_ROWS, "en-US", coChair)).json()).toMatchObject({
      message: expect.stringMatching(/^Le fichier compte plus de/),
    });
  });
});
