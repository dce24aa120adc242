import { expect, it } from "vitest";
import { formPayload, toIso } from "./consensus-forms";

it("turns a local deadline and the browser's offset into an instant", () => {
  // Brussels in winter: UTC+1, getTimezoneOffset() = -60
  expect(toIso("2026-11-26T14:00", "-60")).toBe("2026-11-26T13:00:00.000Z");
  expect(toIso("not a date", "0")).toBe("not a date");
  expect(toIso("2026-13-45T99:99", "0")).toBe("2026-13-45T99:99");
  expect(toIso("2026-11-26T14:00", "1e12")).toBe("2026-11-26T14:00");
});

it("collects repeated mention fields", () => {
  const form = new FormData();
  form.append("rowId", "r1");
  form.append("mentionDelegationCodes", "FR");
  form.append("mentionDelegationCodes", "DE");
  expect(formPayload(form)).toMatchObject({ rowId: "r1", mentionDelegationCodes: ["FR", "DE"], parentId: null });
});
