/**
 * Versions, diff, export and import over HTTP: the real server with the Remix
 * build (run `npx remix build` first), real sessions, CSRF, a y-websocket
 * client editing the board.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addRow,
  appendRows,
  deleteRow,
  linkInstrument,
  replaceText,
  setResponsibility,
  type ThreatRow,
} from "../../core/board-doc";
import { rowsToApply, type ImportApiResponse } from "../../core/import-contract";
import type { MatrixChange } from "../../core/matrix-diff";
import type { MatrixSnapshot } from "../../core/matrix-snapshot";
import type { InstrumentInfo } from "../../core/services";
import { CATEGORY_LABELS } from "../../server/export/present";
import { deepJson, lyingZipXlsx, xlsxOfOneCellRows } from "../fixtures/hostile-files";
import { addMember, type TestAccount } from "../support/accounts";
import { givenBoard } from "../support/given-board";
import { givenAppServer } from "../support/given-server";
import { editBoard, serverBoardJson } from "../support/board-editing";

const remit = givenAppServer();
let chair: TestAccount;
let observer: TestAccount;
let stranger: TestAccount;
let boardId: string;
let rowIds: string[];
let library: InstrumentInfo[];
let custom: InstrumentInfo;

const publish = (title: string, account = chair) =>
  remit.postAs(account, `/boards/${boardId}/versions`, { intent: "publish", title, scope: "all" });
const withoutId = ({ id: _id, ...row }: ThreatRow) => row;

beforeAll(async () => {
  ({
    chair,
    boardId,
    members: { observer },
    strangers: { stranger },
  } = await givenBoard(remit.server, {
    title: "Hybrid threats, Łódź",
    chair: ["Chair", "PL"],
    members: { observer: ["Observer", "DK", "observer"] },
    strangers: { stranger: ["Stranger", "IT"] },
  }));
  library = await remit.server.services.listInstruments(boardId);
  custom = await remit.server.services.createCustomInstrument(boardId, {
    name: "Baltic cable accord",
    owner: "National",
    kind: "agreement",
    year: 2024,
    reference: "BCA-1",
  });
  rowIds = await editBoard(remit.server, chair, boardId, (doc) => {
    const ids = appendRows(doc, [
      { title: "Grid attack", category: "infrastructure", responsibility: "NATO", instrumentIds: [library[0].id] },
      {
        title: 'Disinformation, "deepfakes"',
        category: "information",
        responsibility: "EU",
        notes: "=1+1 stays text",
        description: "Line 1\nLine 2",
      },
      {
        title: "Undersea cables",
        category: "infrastructure",
        responsibility: "Shared",
        lead: "Joint",
        instrumentIds: [custom.id, library[1].id],
      },
    ]);
    return ids;
  });
});

describe("publishing and history", () => {
  it("VERSION-HTTP-1 the chair publishes v1 and v2; the diff gives the exact change list", async () => {
    const first = await publish("First reading");
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe(`/boards/${boardId}/versions/1`);

    const added = await editBoard(remit.server, chair, boardId, (doc) => {
      replaceText(doc, rowIds[0], "title", "Grid attack (power)");
      setResponsibility(doc, rowIds[1], "Shared", "EU");
      linkInstrument(doc, rowIds[1], library[2].id);
      deleteRow(doc, rowIds[2]);
      return addRow(doc, { title: "Drone swarms", responsibility: "Unassigned" });
    });
    expect((await publish("Second reading")).headers.get("Location")).toBe(`/boards/${boardId}/versions/2`);

    const response = await remit.getAs(observer, `/boards/${boardId}/diff.json?from=1&to=2`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { from: string; to: string; changes: MatrixChange[] };
    expect(body.from).toBe("1");
    expect(body.to).toBe("2");
    expect(body.changes).toEqual([
      {
        kind: "title-changed",
        rowId: rowIds[0],
        rowTitle: "Grid attack (power)",
        from: "Grid attack",
        to: "Grid attack (power)",
      },
      {
        kind: "responsibility-changed",
        rowId: rowIds[1],
        rowTitle: 'Disinformation, "deepfakes"',
        from: "EU",
        to: "Shared",
      },
      { kind: "lead-changed", rowId: rowIds[1], rowTitle: 'Disinformation, "deepfakes"', from: null, to: "EU" },
      {
        kind: "instrument-linked",
        rowId: rowIds[1],
        rowTitle: 'Disinformation, "deepfakes"',
        instrumentId: library[2].id,
      },
      { kind: "row-added", rowId: added, rowTitle: "Drone swarms" },
      { kind: "row-removed", rowId: rowIds[2], rowTitle: "Undersea cables" },
    ]);

    const page = await remit.getAs(observer, `/boards/${boardId}/diff?from=1&to=2`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-status="added"');
    expect(html).toContain('data-status="removed"');
    expect(html).toContain('data-status="changed"');

    const list = await (await remit.getAs(observer, `/boards/${boardId}/versions`)).text();
    expect(list).toContain("First reading");
    expect(list).toContain("Second reading");
    const v1 = await remit.getAs(observer, `/boards/${boardId}/versions/1`);
    expect(v1.status).toBe(200);
    const v1Html = await v1.text();
    expect(v1Html).toContain("Undersea cables");
    expect(v1Html).toContain(
      (
        await remit.server.prisma.publishedVersion.findFirstOrThrow({
          where: { boardId, number: 1 },
          select: { fingerprint: true },
        })
      ).fingerprint,
    );
  });

  it("VERSION-HTTP-2 versions are immutable: the database refuses, and the version page answers 405 to any post", async () => {
    // Its own board and version, so the test stands alone and the refusals are about an existing row.
    const boardId = (await remit.server.access.createBoard(chair.user.id, { title: "Immutable", template: "empty" }))
      .id;
    await editBoard(remit.server, chair, boardId, (doc) => appendRows(doc, [{ title: "Kept as published" }]));
    const published = await remit.postAs(chair, `/boards/${boardId}/versions`, {
      intent: "publish",
      title: "First reading",
      scope: "all",
    });
    expect(published.status).toBe(302);
    const where = { boardId_number: { boardId, number: 1 } };
    expect(await remit.server.prisma.publishedVersion.findUnique({ where, select: { id: true } })).not.toBeNull();
    await expect(
      remit.server.prisma.publishedVersion.update({ where, data: { title: "Rewritten" }, select: { id: true } }),
    ).rejects.toThrow();
    await expect(remit.server.prisma.publishedVersion.delete({ where, select: { id: true } })).rejects.toThrow();
    const edit = await remit.postAs(chair, `/boards/${boardId}/versions/1`, {
      intent: "edit",
      title: "Rewritten",
    });
    expect(edit.status).toBe(405);
    const other = await remit.postAs(chair, `/boards/${boardId}/versions`, {
      intent: "edit",
      number: "1",
      title: "Rewritten",
    });
    expect(other.status).toBe(400);
    expect(
      (await remit.server.prisma.publishedVersion.findUniqueOrThrow({ where, select: { title: true } })).title,
    ).toBe("First reading");
  });

  it("VERSION-HTTP-3 observers cannot publish (403); non-members get 404; bad input 400/422", async () => {
    expect((await publish("Observer's version", observer)).status).toBe(403);
    for (const path of [
      `/boards/${boardId}/versions`,
      `/boards/${boardId}/versions/1`,
      `/boards/${boardId}/diff?from=1`,
      `/boards/${boardId}/diff.json?from=1`,
      `/boards/${boardId}/export?format=csv`,
    ]) {
      expect((await remit.getAs(stranger, path)).status, path).toBe(404);
    }
    expect((await publish("Stranger's version", stranger)).status).toBe(404);
    expect(
      (
        await remit.postAs(chair, `/boards/${boardId}/versions`, {
          intent: "publish",
          title: " ",
          scope: "all",
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await remit.postAs(chair, `/boards/${boardId}/versions`, {
          intent: "publish",
          title: "x",
          scope: "some",
        })
      ).status,
    ).toBe(422);
    expect((await remit.getAs(chair, `/boards/${boardId}/versions/0`)).status).toBe(400);
    expect((await remit.getAs(chair, `/boards/${boardId}/versions/99`)).status).toBe(404);
    expect((await remit.getAs(chair, `/boards/${boardId}/diff.json?from=abc`)).status).toBe(400);
    expect((await remit.getAs(chair, `/boards/${boardId}/export?format=docx`)).status).toBe(400);
    expect((await remit.getAs(chair, `/boards/${boardId}/export?format=csv&version=1&rows=agreed`)).status).toBe(400);
    expect((await remit.getAs(chair, `/boards/${boardId}/export?format=csv&version=42`)).status).toBe(404);
    const noCsrf = await fetch(`${remit.server.url}/boards/${boardId}/versions`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: chair.cookie },
      body: new URLSearchParams({ intent: "publish", title: "x", scope: "all" }),
    });
    expect(noCsrf.status).toBe(403);
  });
});

describe("exports and import", () => {
  it("VERSION-HTTP-4 every format downloads as an attachment named after board, version and date", async () => {
    // Its own board with two versions, so the test does not lean on VERSION-HTTP-1 having published first.
    const boardId = (
      await remit.server.access.createBoard(chair.user.id, { title: "Hybrid threats, Łódź", template: "empty" })
    ).id;
    await addMember(remit.server, chair, boardId, observer, "observer");
    await editBoard(remit.server, chair, boardId, (doc) => appendRows(doc, [{ title: "Grid attack" }]));
    for (const title of ["First reading", "Second reading"]) {
      const answer = await remit.postAs(chair, `/boards/${boardId}/versions`, {
        intent: "publish",
        title,
        scope: "all",
      });
      expect(answer.status).toBe(302);
    }
    const published = await remit.server.prisma.publishedVersion.findFirstOrThrow({
      where: { boardId, number: 2 },
      select: { fingerprint: true, publishedAt: true },
    });
    const day = published.publishedAt.toISOString().slice(0, 10);
    const types = {
      csv: "text/csv",
      xlsx: "spreadsheetml",
      json: "application/json",
      md: "text/markdown",
      pdf: "application/pdf",
    };
    for (const [format, type] of Object.entries(types)) {
      const response = await remit.getAs(observer, `/boards/${boardId}/export?format=${format}&version=2`);
      expect(response.status, format).toBe(200);
      expect(response.headers.get("Content-Type"), format).toContain(type);
      expect(response.headers.get("Content-Disposition")).toBe(
        `attachment; filename="hybrid-threats-lodz-v2-${day}.${format}"`,
      );
      expect(response.headers.get("X-Remit-Fingerprint")).toBe(published.fingerprint);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
    const draft = await remit.getAs(observer, `/boards/${boardId}/export?format=pdf&version=live`);
    expect(draft.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="hybrid-threats-lodz-draft-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
  });

  it("VERSION-HTTP-5 a CSV export of the live board reads back (csv-parse) as the board", async () => {
    const response = await remit.getAs(observer, `/boards/${boardId}/export?format=csv`);
    const records = parseCsv(Buffer.from(await response.arrayBuffer()), {
      bom: true,
      relax_column_count: false,
    }) as string[][];
    const [marking, header, ...rest] = records;
    expect(marking.slice(0, 2)).toEqual(["#remit:marking", "PUBLIC"]);
    expect(header.slice(0, 5)).toEqual(["Title", "Category", "Responsibility", "Lead", "Instruments"]);
    expect(rest[0][0]).toBe("#remit:draft");
    const threats = rest.filter((record) => !record[0].startsWith("#remit:"));
    const names = new Map([...library, custom].map((i) => [i.id, i.name]));
    const board = (await serverBoardJson(remit.server, boardId)).rows;
    expect(threats).toHaveLength(board.length);
    threats.forEach((record, index) => {
      const row = board[index];
      expect(record.slice(0, 7)).toEqual([
        row.title,
        CATEGORY_LABELS[row.category],
        row.responsibility,
        row.lead ?? "",
        row.instrumentIds.map((id) => `${names.get(id)} [${id}]`).join("; "),
        row.notes.startsWith("=") ? `'${row.notes}` : row.notes,
        row.description,
      ]);
    });
    expect(rest.at(-1)?.slice(0, 2)).toEqual(["#remit:fingerprint", "sha256"]);
  });

  it("VERSION-HTTP-6 JSON export → import into an empty board gives the same matrix (ids aside), custom instruments recreated", async () => {
    // Bring back the row with the custom instrument so the import has one to recreate.
    await editBoard(remit.server, chair, boardId, (doc) =>
      addRow(doc, { title: "Cables again", responsibility: "Shared", lead: "NATO", instrumentIds: [custom.id] }),
    );
    const exported = Buffer.from(
      await (await remit.getAs(chair, `/boards/${boardId}/export?format=json&version=live`)).arrayBuffer(),
    );
    const target = (await remit.server.access.createBoard(chair.user.id, { title: "Copy", template: "empty" })).id;

    const browser = remit.browser(chair);
    const previewResponse = await browser.postParts(`/boards/${target}/import.json`, {
      intent: "preview",
      file: new File([exported], "board.json", { type: "application/json" }),
    });
    expect(previewResponse.status).toBe(200);
    const preview = (await previewResponse.json()) as ImportApiResponse;
    if (!preview.ok || preview.intent !== "preview") throw new Error(JSON.stringify(preview));
    expect(preview.preview.valid).toBe(true);
    expect(preview.preview.newInstruments.map((i) => i.id)).toEqual([custom.id]);

    const created = (await (
      await browser.postForm(`/boards/${target}/import.json`, {
        intent: "create-instruments",
        instruments: JSON.stringify(preview.preview.newInstruments),
      })
    ).json()) as ImportApiResponse;
    if (!created.ok || created.intent !== "create-instruments") throw new Error(JSON.stringify(created));
    const newId = created.idMap[custom.id];
    expect((await remit.server.services.listInstruments(target)).find((i) => i.id === newId)?.name).toBe(
      "Baltic cable accord",
    );

    await editBoard(remit.server, chair, target, (doc: Y.Doc) =>
      appendRows(doc, rowsToApply(preview.preview, created.idMap)),
    );
    const original = (await serverBoardJson(remit.server, boardId)).rows.map(withoutId);
    const copy = (await serverBoardJson(remit.server, target)).rows.map(withoutId);
    const remap = (ids: string[]) => ids.map((id) => (id === custom.id ? newId : id)).sort();
    expect(copy).toEqual(original.map((row) => ({ ...row, instrumentIds: remap(row.instrumentIds) })));
  });

  it("HARDEN-41 over HTTP: a hostile import is answered 413/422 naming the limit, in the worker pool", async () => {
    const browser = remit.browser(chair);
    const post = async (data: Buffer, name: string) => {
      const response = await browser.postParts(`/boards/${boardId}/import.json`, {
        intent: "preview",
        file: new File([new Uint8Array(data)], name),
      });
      return { status: response.status, body: (await response.json()) as ImportApiResponse };
    };
    expect(await post(xlsxOfOneCellRows(40_000), "rows.xlsx")).toMatchObject({
      status: 413,
      body: { ok: false, limit: "rows", message: expect.stringContaining("(limit: rows)") },
    });
    expect(await post(lyingZipXlsx(60 * 1024 * 1024), "lying.xlsx")).toMatchObject({
      status: 413,
      body: { ok: false, limit: "inflated-bytes" },
    });
    expect(await post(deepJson(100_000), "deep.json")).toMatchObject({ status: 422, body: { limit: "depth" } });
  });

  it("VERSION-HTTP-7 the import checks role, CSRF and size (413), and reports per-row errors", async () => {
    const browser = remit.browser(chair);
    const path = `/boards/${boardId}/import.json`;
    const form = (file: Blob) => ({ intent: "preview", file: new File([file], "threats.csv", { type: "text/csv" }) });
    const csv = new Blob([
      "Title,Category,Responsibility,Lead,Instruments\r\nGood,cyber,NATO,,\r\nBad,cyber,Somebody,,\r\n",
    ]);
    const preview = (await (await browser.postParts(path, form(csv))).json()) as ImportApiResponse;
    if (!preview.ok || preview.intent !== "preview") throw new Error(JSON.stringify(preview));
    expect(preview.preview.valid).toBe(false);
    expect(preview.preview.rows.map((row) => [row.line, row.errors.map((e) => e.column)])).toEqual([
      [2, []],
      [3, ["Responsibility"]],
    ]);
    expect(rowsToApply(preview.preview).map((row) => row.title)).toEqual(["Good"]);

    expect((await remit.browser(observer).postParts(path, form(csv))).status).toBe(403);
    expect((await remit.browser(stranger).postParts(path, form(csv))).status).toBe(404);
    expect((await browser.postParts(path, form(csv), { csrf: "x".repeat(43) })).status).toBe(403);

    const big = new Blob([Buffer.alloc(5 * 1024 * 1024 + 1, "a")]);
    const tooLarge = await browser.postParts(path, form(big));
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { message: string }).message).toContain("5 MiB");
  });
});

describe("with the real consensus service", () => {
  it("VERSION-HTTP-8 'agreed' publishes the agreed rows with how they were adopted and the positions taken", async () => {
    const board = (await remit.server.access.createBoard(chair.user.id, { title: "Agreed only", template: "empty" }))
      .id;
    const ids = await editBoard(remit.server, chair, board, (doc) =>
      appendRows(doc, [{ title: "Agreed threat" }, { title: "Open threat" }]),
    );
    expect(
      await remit.server.consensus.recordPosition(chair.user.id, board, {
        rowId: ids[0],
        position: "support-ad-referendum",
        text: "Capital to confirm",
      }),
    ).toEqual({ ok: true });
    expect(
      await remit.server.consensus.propose(chair.user.id, board, { rowId: ids[0], procedure: "consensus" }),
    ).toEqual({
      ok: true,
    });
    expect(await remit.server.consensus.declareAgreed(chair.user.id, board, ids[0])).toEqual({ ok: true });

    const published = await remit.postAs(chair, `/boards/${board}/versions`, {
      intent: "publish",
      title: "Agreed",
      scope: "agreed",
    });
    expect(published.headers.get("Location")).toBe(`/boards/${board}/versions/1`);
    const exported = (await (
      await remit.getAs(chair, `/boards/${board}/export?format=json&version=1`)
    ).json()) as MatrixSnapshot;
    expect(exported.version).toMatchObject({
      number: 1,
      title: "Agreed",
      procedure: "consensus",
      publishedBy: { name: "Chair", delegation: "PL" },
    });
    expect(exported.delegationsPresent).toHaveLength(1);
    expect(exported.rows.map((row) => [row.title, row.workflowState])).toEqual([["Agreed threat", "agreed"]]);
    expect(exported.rows[0].positions).toMatchObject([
      { delegation: "PL", position: "support-ad-referendum", text: "Capital to confirm", recordedBy: "Chair" },
    ]);

    const page = await (await remit.getAs(chair, `/boards/${board}/versions/1`)).text();
    expect(page).toContain("Capital to confirm");
    expect(page).toContain('href="#note-1"');
  });
});
