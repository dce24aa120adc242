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

it("HARDEN-21 an impossible date (30 February) is refused, not rolled over to March; seconds are kept", () => {
  expect(toIso("2030-02-30T10:00", "0")).toBe("2030-02-30T10:00");
  expect(toIso("2030-04-31T10:00", "0")).toBe("2030-04-31T10:00");
  expect(toIso("2028-02-29T10:00", "0")).toBe("2028-02-29T10:00:00.000Z");
  expect(toIso("2030-02-28T10:00:30", "-60")).toBe("2030-02-28T09:00:30.000Z");
});

it("a silence deadline can be minutes and seconds from now", () => {
  const form = new FormData();
  form.append("silenceMinutes", "5");
  form.append("silenceSeconds", "0");
  const before = Date.now();
  const deadline = Date.parse(formPayload(form).silenceDeadline!);
  expect(deadline - before).toBeGreaterThanOrEqual(300_000);
  expect(deadline - before).toBeLessThan(310_000);
});
