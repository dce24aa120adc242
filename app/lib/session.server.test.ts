import { describe, expect, it } from "vitest";
import { nextPathForRedirect } from "./session.server";

describe("nextPathForRedirect", () => {
  it("keeps same-site ASCII paths, percent-encoded ones included", () => {
    expect(nextPathForRedirect("/boards/abc/members?tab=1")).toBe("/boards/abc/members?tab=1");
    expect(nextPathForRedirect("/%E2%82%AC")).toBe("/%E2%82%AC");
  });

  it("falls back to / for other sites and for characters a Location header cannot carry", () => {
    expect(nextPathForRedirect("//evil.example")).toBe("/");
    expect(nextPathForRedirect("https://evil.example")).toBe("/");
    expect(nextPathForRedirect("/€")).toBe("/");
    expect(nextPathForRedirect("/ü")).toBe("/");
    expect(nextPathForRedirect(null)).toBe("/");
  });
});
