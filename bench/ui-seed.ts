/**
 * Boards for the UI benchmark: the real server on a fresh SQLite file, two
 * accounts, and one board per size filled with varied threats (titles of
 * different lengths, some descriptions, notes and instruments) written
 * straight into storage before anyone opens it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { appendRows, CATEGORIES, RESPONSIBILITIES, type NewRowInput } from "../core/board-doc";
import { loadConfig } from "../server/config";
import { PrismaUpdateStore } from "../server/db/prisma-update-store";
import { loadRemixBuild } from "../server/remix-build";
import { startRemitServer, type RemitServer } from "../server/remit-server";
import { addMember, createAccount, type TestAccount } from "../tests/support/accounts";

export interface UiBenchServer {
  server: RemitServer;
  chair: TestAccount;
  delegate: TestAccount;
  stop(): Promise<void>;
}

export async function startUiBenchServer(): Promise<UiBenchServer> {
  const dir = mkdtempSync(join(tmpdir(), "remit-bench-ui-"));
  const config = loadConfig({
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_URL: `file:${join(dir, "remit.db")}`,
    DEMO: "false",
  });
  const server = await startRemitServer({ config, build: await loadRemixBuild(false), log: () => undefined });
  const chair = await createAccount(server, "Bench Chair", "DE");
  const delegate = await createAccount(server, "Bench Delegate", "FR");
  return {
    server,
    chair,
    delegate,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const WORDS = "hybrid campaign against energy grid port cables satellite disinformation ransomware supply chain".split(
  " ",
);

function threat(index: number, instrumentIds: string[]): NewRowInput {
  const words = 3 + (index % 9);
  const title = Array.from({ length: words }, (_, i) => WORDS[(index * 7 + i) % WORDS.length]).join(" ");
  return {
    title: `${title} ${index + 1}`,
    description: index % 3 === 0 ? `Scenario ${index + 1}: ${title}.` : "",
    notes: index % 4 === 0 ? `Discussed at meeting ${index % 12}.` : "",
    category: CATEGORIES[index % CATEGORIES.length],
    responsibility: RESPONSIBILITIES[index % RESPONSIBILITIES.length],
    lead: RESPONSIBILITIES[index % RESPONSIBILITIES.length] === "Shared" ? "Joint" : null,
    instrumentIds: instrumentIds.length > 0 ? [instrumentIds[index % instrumentIds.length]] : [],
  };
}

/** A board with `count` threats, the delegate a member; returns its id. */
export async function seedBoard(bench: UiBenchServer, count: number): Promise<string> {
  const { server, chair, delegate } = bench;
  const board = await server.access.createBoard(chair.user.id, { title: `Bench ${count}`, template: "empty" });
  await addMember(server, chair, board.id, delegate, "delegate");
  const instruments = (await server.services.listInstruments(board.id)).map((instrument) => instrument.id);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await server.registry.readState(board.id));
  const before = Y.encodeStateVector(doc);
  appendRows(
    doc,
    Array.from({ length: count }, (_, index) => threat(index, instruments)),
  );
  await new PrismaUpdateStore(server.prisma).append(board.id, Y.encodeStateAsUpdate(doc, before), { authorId: null });
  return board.id;
}
