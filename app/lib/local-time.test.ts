import { describe, expect, it } from "vitest";
import { formatLocalDateTime, timezoneOffsetAt, toDateTimeLocalValue } from "./local-time";

describe("local time", () => {
  it("formats a date as a datetime-local value in local time", () => {
    expect(toDateTimeLocalValue(new Date(2026, 0, 5, 9, 7))).toBe("2026-01-05T09:07");
  });

  it("gives the offset of the typed moment, or of now for a bad value", () => {
    expect(timezoneOffsetAt("2026-07-01T12:00")).toBe(new Date(2026, 6, 1, 12).getTimezoneOffset());
    expect(timezoneOffsetAt("nope")).toBe(new Date().getTimezoneOffset());
  });

  it("leaves unparseable dates as they are", () => {
    expect(formatLocalDateTime("not a date")).toBe("not a date");
    const utc = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
    expect(formatLocalDateTime("2026-11-26T14:00:00Z", utc)).toMatch(/Nov 26, 2026.*2:00/);
  });
});
