import { tMessage } from "../i18n";
import { describe, expect, it } from "vitest";
import {
  BoardIdSchema,
  BoardListQuerySchema,
  CreateBoardFormSchema,
  CustomInstrumentFormSchema,
  parseForm,
} from "./board-forms";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
};

describe("board forms", () => {
  it("accepts a valid new board and trims the title", () => {
    expect(parseForm(CreateBoardFormSchema, form({ title: "  Summit prep ", template: "starter" }))).toEqual({
      success: true,
      data: { title: "Summit prep", template: "starter", forum: "joint" },
    });
  });

  it("reports one message per field", () => {
    const result = parseForm(CreateBoardFormSchema, form({ title: "   ", template: "other" }));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(tMessage(result.fieldErrors.title!)).toBe("Enter a title");
    expect(tMessage(result.fieldErrors.template!)).toBe("Choose a template");
    expect(result.values.title).toBe("   ");
  });

  it("rejects a title over 120 characters", () => {
    const result = parseForm(CreateBoardFormSchema, form({ title: "x".repeat(121), template: "empty" }));
    expect(result.success ? null : result.fieldErrors.title).toBe("forms.tooLong?max=120");
  });

  it("parses the optional year of a custom instrument", () => {
    const base = { name: "Art. 42(7) TEU", owner: "EU", kind: "Treaty article", reference: "TEU 42(7)" };
    const empty = parseForm(CustomInstrumentFormSchema, form({ ...base, year: "" }));
    expect(empty.success && empty.data.year).toBeNull();
    const year = parseForm(CustomInstrumentFormSchema, form({ ...base, year: "2009" }));
    expect(year.success && year.data.year).toBe(2009);
    const bad = parseForm(CustomInstrumentFormSchema, form({ ...base, year: "soon" }));
    expect(bad.success ? null : tMessage(bad.fieldErrors.year!)).toMatch(/year between/);
    const owner = parseForm(CustomInstrumentFormSchema, form({ ...base, owner: "UN" }));
    expect(owner.success ? null : owner.fieldErrors.owner).toBeTruthy();
  });

  it("validates ids and the list query", () => {
    expect(BoardIdSchema.safeParse("cmhx0abc123def456ghi").success).toBe(true);
    expect(BoardIdSchema.safeParse("short").success).toBe(false);
    expect(BoardIdSchema.safeParse("../../etc/passwd/xxxxxxxx").success).toBe(false);
    expect(BoardListQuerySchema.safeParse({ archived: "1" }).success).toBe(true);
    expect(BoardListQuerySchema.safeParse({ archived: "yes" }).success).toBe(false);
  });
});
