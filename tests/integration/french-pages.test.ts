/**
 * Every page read in French says nothing in English (I18N-14, I18N-15): the real server and Remix build (run
 * `npx remix build` first) with a board that has something on every page — starter threats made in French, an
 * instrument linked, positions, a comment, a published version, an open meeting record, an invite. Each page's
 * visible text (text nodes, <title>, aria-label, title, placeholder, alt) is searched for the words of the English
 * catalogue that are not also French; people's own text and the names of instruments without an official French
 * title (I18N-5) are the only English allowed.
 */
import * as Y from "yjs";
import { beforeAll, describe, expect, it } from "vitest";
import { linkInstrument, readRows } from "../../core/board-doc";
import { fr } from "../../app/i18n/fr";
import { loadCatalogue } from "../../server/db/instrument-catalogue";
import { DEFAULT_MARKINGS, LIST_PLACEHOLDER } from "../../core/markings";
import { addMember, createAccount, type TestAccount } from "../support/accounts";
import { givenAppServer } from "../support/given-server";
import { editBoard } from "../support/board-editing";
import { catalogueEnglishOnlyWords, wordsOf } from "../support/catalogue-words";

const remit = givenAppServer();
let chair: TestAccount;
let germany: TestAccount;
let boardId: string;
let inviteToken: string;
let linked: string[];

const FRENCH_BROWSER = { "Accept-Language": "fr-FR,fr;q=0.9" };

/** People's own text on these pages, and names kept in both languages (I18N-5), are not the catalogue's English. */
function allowedWords(): Set<string> {
  const { instruments, threats } = loadCatalogue();
  const data = [
    // Names kept in both languages, and the sourced (English) references of the documents.
    ...instruments.flatMap((instrument) => [instrument.nameFr ? "" : instrument.name, instrument.reference]),
    // Remit's own French wording of the starter threats ("l'Open RAN").
    ...threats.flatMap((threat) => [threat.titleFr ?? "", threat.summaryFr ?? ""]),
    // The markings as configured (official marking text, MARK-1) and this test's own names and titles.
    ...DEFAULT_MARKINGS.map((marking) => marking.replace(LIST_PLACEHOLDER, "")),
    "Anna Claire Plenary board",
  ];
  return new Set(data.flatMap(wordsOf));
}

/** Words of the English catalogue that no French message uses: the tell-tales of English left over. */
function englishOnlyWords(): Set<string> {
  const allowed = allowedWords();
  return new Set([...catalogueEnglishOnlyWords(), ...ENGLISH_CALENDAR].filter((word) => !allowed.has(word)));
}

/** Dates written the English way (not through Intl in the reader's locale): names French never abbreviates alike. */
const ENGLISH_CALENDAR = [
  ..."january february march april june july august september october november december".split(" "),
  ..."monday tuesday wednesday thursday friday saturday sunday jan feb apr jun jul aug dec".split(" "),
];

/** What a person sees or hears of a page: text nodes, the <title>, and the attributes read aloud or shown. */
function visibleText(html: string): string {
  const attributes = [...html.matchAll(/\s(?:aria-label|title|placeholder|alt)="([^"]*)"/g)].map((m) => m[1]);
  const text = html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ");
  return [text, ...attributes]
    .join(" ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ");
}

/** The English-only words a French page shows, each with a little of its context. */
function englishIn(html: string, english: Set<string>): string[] {
  const text = visibleText(html);
  const found: string[] = [];
  // Whole tokens of letters and digits: a fingerprint such as "…83add57…" holds English letters by chance.
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!english.has(match[0].toLowerCase())) continue;
    const at = match.index ?? 0;
    found.push(`${match[0]} in «${text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, " ")}»`);
  }
  // Numbers and times written the English way (I18N-21): "1,000", "2:05 PM".
  for (const match of text.matchAll(/\b\d{1,3}(?:,\d{3})+\b|\b\d{1,2}:\d{2}\s?[AP]M\b/g))
    found.push(`${match[0]} (an English number or time)`);
  return found;
}

beforeAll(async () => {
  const { server } = remit;
  chair = await createAccount(server, "Claire", "FR");
  germany = await createAccount(server, "Anna", "DE");
  boardId = (
    await server.access.createBoard(chair.user.id, { title: "Plenary board", template: "starter", locale: "fr" })
  ).id;
  await addMember(server, chair, boardId, germany, "delegate");
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await server.registry.readState(boardId));
  const rows = readRows(doc);
  const instruments = await server.services.listInstruments(boardId);
  await editBoard(server, chair, boardId, (live) => {
    for (const instrument of instruments.slice(0, 6)) linkInstrument(live, rows[0].id, instrument.id);
  });
  await server.consensus.recordPosition(germany.user.id, boardId, {
    rowId: rows[0].id,
    position: "reserve",
    text: "Anna",
  });
  await server.comments.create(germany.user.id, boardId, { rowId: rows[0].id, body: "Anna" });
  await server.versions.publishVersion(chair.user.id, boardId, { title: "Anna", scope: "all" });
  // After version 1: an instrument linked, so the diff 1 → live names one.
  await editBoard(server, chair, boardId, (live) => linkInstrument(live, rows[1].id, instruments[6].id));
  linked = instruments.slice(0, 7).map((instrument) => instrument.id);
  await server.record.openRecord(chair.user.id, boardId, { title: "Anna", language: "fr" });
  ({ token: inviteToken } = await server.access.createInvite(chair.user.id, boardId, {
    role: "delegate",
    expiresInHours: 24,
    maxUses: null,
  }));
}, 60_000);

const PAGES = [
  "/",
  "/account",
  "/boards/{board}",
  "/boards/{board}/activity",
  "/boards/{board}/members",
  "/boards/{board}/marking",
  "/boards/{board}/import",
  "/boards/{board}/versions",
  "/boards/{board}/versions/1",
  "/boards/{board}/diff?from=1&to=live",
  "/boards/{board}/record",
  "/boards/{board}/record/1",
  "/invite/{invite}",
  "/invite/unknown-token",
  "/boards/no-such-board",
  "/no-such-page",
];

/** How a French reader must see a library instrument: its official French title if sourced, else its name. */
function frenchNamesOf(ids: readonly string[]) {
  const catalogue = new Map(loadCatalogue().instruments.map((instrument) => [instrument.id, instrument]));
  return ids.map((id) => {
    const { name, nameFr } = catalogue.get(id)!;
    return { name, shown: nameFr ?? name };
  });
}

const escaped = (text: string) => text.replace(/&/g, "&amp;").replace(/'/g, "&#x27;").replace(/"/g, "&quot;");

describe("I18N-14 a version and a diff read in French", () => {
  it("I18N-14 the version page names instruments and delegations in French", async () => {
    const html = await (
      await remit.browser(chair, { headers: FRENCH_BROWSER }).get(`/boards/${boardId}/versions/1`)
    ).text();
    for (const { name, shown } of frenchNamesOf(linked.slice(0, 6))) {
      expect(html).toContain(escaped(shown));
      if (shown !== name) expect(html).not.toContain(escaped(name));
    }
    // Anna's reservation footnote: her delegation in French.
    expect(html).toContain("Allemagne");
    expect(html).not.toContain("Germany");
    expect(html).toContain("Réserve");
  });

  it("I18N-14 the diff page words the linked instrument and the threats' responsibilities in French", async () => {
    const html = await (
      await remit.browser(chair, { headers: FRENCH_BROWSER }).get(`/boards/${boardId}/diff?from=1&to=live`)
    ).text();
    const [{ name, shown }] = frenchNamesOf(linked.slice(6));
    const changeList = /data-testid="change-list"[\s\S]*?<\/ol>/.exec(html)?.[0] ?? "";
    expect(changeList).toContain(escaped(shown));
    if (shown !== name) expect(html).not.toContain(escaped(name));
    expect(html).toMatch(/OTAN|UE|Partagée/);
  });

  it("I18N-14 the JSON diff stays language-neutral (ids and codes)", async () => {
    const response = await remit
      .browser(chair, { headers: FRENCH_BROWSER })
      .get(`/boards/${boardId}/diff.json?from=1&to=live`);
    const body = (await response.json()) as { changes: { kind: string; instrumentId?: string }[] };
    expect(body.changes).toEqual([expect.objectContaining({ kind: "instrument-linked", instrumentId: linked[6] })]);
  });
});

describe("I18N-15 every page in French", () => {
  it("I18N-15 the English-only words are many and exclude French ones (the check can fail)", () => {
    const english = englishOnlyWords();
    expect(english.size).toBeGreaterThan(300);
    for (const word of ["threat", "version", "members", "responsibility", "november", "nov"])
      expect(english.has(word), word).toBe(word !== "version" && word !== "nov");
    expect(englishIn("<p>Tableau des menaces</p>", english)).toEqual([]);
    expect(englishIn(`<p title="Threat">3 November</p>`, english)).toHaveLength(2);
    expect(englishIn("<p>1\u202f000 menaces à 14:05</p>", english)).toEqual([]);
    expect(englishIn("<p>1,000 menaces à 2:05 PM</p>", english)).toHaveLength(2);
  });

  // Refusals and bad requests through the error boundaries: a delegate on the chair's marking page (403), a
  // malformed version number and diff (400).
  it.each([
    ["germany", "/boards/{board}/marking", 403],
    ["chair", "/boards/{board}/versions/abc", 400],
    ["chair", "/boards/{board}/diff?from=x&to=live", 400],
    ["chair", "/boards/{board}/versions/99", 404],
  ] as const)("I18N-15 as %s, %s (%i) has no English left over in French", async (who, pattern, status) => {
    const reader = who === "chair" ? chair : germany;
    const response = await remit.browser(reader, { headers: FRENCH_BROWSER }).get(pattern.replace("{board}", boardId));
    expect(response.status).toBe(status);
    const html = await response.text();
    expect(/<html[^>]* lang="(\w+)"/.exec(html)?.[1]).toBe("fr");
    expect(englishIn(html, englishOnlyWords())).toEqual([]);
  });

  it("I18N-20 a server fault (500) is told in French, in human words, with no developer text", async () => {
    // A real fault: the board page's loader reads the instrument library, whose table is away for this request.
    const { prisma } = remit.server;
    await prisma.$executeRawUnsafe(`ALTER TABLE "Instrument" RENAME TO "Instrument_away"`);
    let html: string;
    try {
      const response = await remit.browser(chair, { headers: FRENCH_BROWSER }).get(`/boards/${boardId}`);
      expect(response.status).toBe(500);
      html = await response.text();
    } finally {
      await prisma.$executeRawUnsafe(`ALTER TABLE "Instrument_away" RENAME TO "Instrument"`);
    }
    expect(/<html[^>]* lang="(\w+)"/.exec(html)?.[1]).toBe("fr");
    const text = visibleText(html);
    expect(text).toContain(fr.errors.title);
    expect(text).toContain(fr.errors.serverDetail);
    expect(text).toContain(fr.errors.code.replace("{status}", "500"));
    expect(englishIn(html, englishOnlyWords())).toEqual([]);
    // Neither the cause nor the framework's words reach the page: no table, database, stack or "Unexpected".
    for (const developer of [/Instrument_away/i, /no such table/i, /prisma/i, /sqlite/i, /\bat \S+:\d+:\d+/, /Error:/])
      expect(html).not.toMatch(developer);
    expect(text).not.toMatch(/Unexpected Server Error/i);
  });

  it.each(PAGES)("I18N-15 %s has no English left over in French", async (pattern) => {
    const path = pattern.replace("{board}", boardId).replace("{invite}", inviteToken);
    const response = await remit.browser(chair, { headers: FRENCH_BROWSER }).get(path);
    expect(response.status, path).toBeLessThan(500);
    const html = await response.text();
    expect(/<html[^>]* lang="(\w+)"/.exec(html)?.[1], path).toBe("fr");
    expect(englishIn(html, englishOnlyWords()), path).toEqual([]);
  });
});

describe("I18N-23 pages read before signing in", () => {
  // The forms, and an invite followed by someone without an account.
  it.each(["/login", "/signup", "/invite/{invite}", "/invite/unknown-token"])(
    "I18N-23 %s read by a visitor has no English left over in French",
    async (pattern) => {
      const path = pattern.replace("{invite}", inviteToken);
      const response = await remit.browser(null, { headers: FRENCH_BROWSER }).get(path);
      expect(response.status, path).toBeLessThan(500);
      const html = await response.text();
      expect(/<html[^>]* lang="(\w+)"/.exec(html)?.[1], path).toBe("fr");
      expect(visibleText(html), path).toMatch(/[Cc]onnexion|[Cc]ompte|[Ii]nvitation/);
      expect(englishIn(html, englishOnlyWords()), path).toEqual([]);
    },
  );
});
