/**
 * I18N-7: what a server service tells a person is a message ref (core/message-ref.ts), never a sentence in one
 * language. The contracts take the branded MessageRef type, so a plain string does not compile (the
 * @ts-expect-error lines below fail the typecheck if that ever stops being true); this test also fails on a
 * cast to MessageRef outside core/message-ref.ts and on a string literal handed straight to a refusal.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../app/i18n";
import { AccessDenied } from "../../core/access-errors";
import { FileJobRefused } from "../../core/file-jobs";
import type { ImportProblem } from "../../core/import-contract";
import { asMessageRef, messageRef } from "../../core/message-ref";
import type { FieldErrors } from "../../core/services";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) ? [path] : [];
  });
}

const SERVER_AND_CORE = [...sourceFiles("server"), ...sourceFiles("core")];

describe("I18N-7 services speak in message refs", () => {
  it("I18N-7 a plain sentence is not a MessageRef (the contracts refuse it at compile time)", () => {
    // @ts-expect-error a refusal's reason must be a ref, not English text
    const refusal = new AccessDenied(403, "you may not");
    // @ts-expect-error field errors carry refs
    const fieldErrors: FieldErrors = { rowId: "Propose this row first" };
    // @ts-expect-error an import problem's message is a ref
    const problem: ImportProblem = { row: 1, column: "Title", message: "Title is required" };
    // @ts-expect-error a file job refusal names its reason as a ref
    const busy = new FileJobRefused("busy", 503, "Too many files");
    // What does compile: the ref, translated where it is read.
    const ok: FieldErrors = { rowId: messageRef("workflow.proposeFirst") };
    expect([refusal.status, fieldErrors.rowId, problem.row, busy.limit, ok.rowId]).toEqual([
      403,
      "Propose this row first",
      1,
      "busy",
      "workflow.proposeFirst",
    ]);
  });

  it("I18N-7 zod's own English messages become a generic ref; refs written in schemas pass through", () => {
    const fallback = messageRef("serviceErrors.invalidValue");
    expect(asMessageRef("Invalid input: expected string, received number", fallback)).toBe(fallback);
    expect(asMessageRef("forms.tooLong?max=200", fallback)).toBe("forms.tooLong?max=200");
  });

  it("I18N-7 no server or core code casts to MessageRef or hands a string literal to a refusal", () => {
    const offences = SERVER_AND_CORE.flatMap((file) => {
      if (file === join("core", "message-ref.ts")) return [];
      const source = readFileSync(file, "utf8");
      const patterns = [
        /as MessageRef\b/g,
        /new AccessDenied\(\s*\d+\s*,\s*["'`]/g,
        /new FileJobRefused\([^)]*?,\s*\d+\s*,\s*["'`]/g,
        /fileError\(\s*["'`]/g,
        /fieldErrors:\s*\{[^}]*:\s*["'`]/g,
      ];
      return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => `${file}: ${match[0]}`));
    });
    expect(SERVER_AND_CORE.length).toBeGreaterThan(50);
    expect(offences).toEqual([]);
  });

  it("I18N-7 the reader's language writes quantities; text read from a file is never taken for a key", () => {
    const fr = createI18n("fr");
    expect(fr.tMessage(messageRef("importErrors.rowsFound", { max: 5000, found: 40001 }))).toBe(
      "Le fichier compte 40\u202f001 lignes ; la limite est de 5\u202f000 (limite : rows).",
    );
    expect(createI18n("en").tMessage(messageRef("importErrors.rowsFound", { max: 5000, found: 40001 }))).toBe(
      "The file has 40,001 rows; the limit is 5,000 (limit: rows).",
    );
    // A Category cell that happens to read like a catalogue key stays what the file says.
    const category = fr.tMessage(
      messageRef("importErrors.unknownCategory", { value: "errors.forbidden", expected: "cyber" }),
    );
    expect(category).toBe("Catégorie inconnue « errors.forbidden » ; valeurs attendues : cyber");
    // A year is not a quantity: its digits are kept.
    expect(fr.tMessage(messageRef("importErrors.yearNotWhole", { value: "2024.5" }))).toContain("« 2024.5 »");
    // Refs may nest where the message is built for it: the role in the reader's language.
    expect(fr.tMessage(messageRef("serviceErrors.alreadyMemberAs", { role: messageRef("roles.observer") }))).toBe(
      `Déjà membre (${fr.t("roles.observer")})`,
    );
  });

  it("I18N-7 MARK-13 the releasability list travels as {releasableTo}; no {list} parameter is read as a key", () => {
    const fr = createI18n("fr");
    const refusal = fr.tMessage(
      messageRef("markings.notReleasable", { releasableTo: messageRef("releasability.nato") }),
    );
    expect(refusal).toContain(fr.t("releasability.nato"));
    expect(refusal).not.toContain("releasability.nato");
    // A list of threat titles is user text: one titled like a catalogue key is shown as written.
    const titles = fr.tMessage(messageRef("meeting.itemRows", { list: "releasability.nato" }));
    expect(titles).toBe(fr.t("meeting.itemRows", { list: "releasability.nato" }));
    expect(titles).toContain("releasability.nato");
  });
});
