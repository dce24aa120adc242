import { describe, expect, it } from "vitest";
import { readCookie, serializeCookie } from "./cookies";

describe("cookies", () => {
  it("reads one cookie among several", () => {
    expect(readCookie("a=1; remit_session=abc_DEF-123; b=2", "remit_session")).toBe("abc_DEF-123");
    expect(readCookie("remit_session_old=x; remit_session=y", "remit_session")).toBe("y");
    expect(readCookie("a=1", "remit_session")).toBeNull();
    expect(readCookie("remit_session=", "remit_session")).toBeNull();
    expect(readCookie(null, "remit_session")).toBeNull();
  });

  it("writes HttpOnly, SameSite=Lax, Path=/ and Secure on request", () => {
    expect(serializeCookie("remit_session", "tok", { maxAge: 60, secure: true })).toBe(
      "remit_session=tok; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure",
    );
    expect(serializeCookie("remit_csrf", "tok", { secure: false })).toBe(
      "remit_csrf=tok; Path=/; HttpOnly; SameSite=Lax",
    );
  });

  it("expires a cookie with Max-Age=0", () => {
    const header = serializeCookie("remit_session", "", { maxAge: 0, secure: false });
    expect(header).toContain("Max-Age=0");
    expect(header).toContain("Expires=Thu, 01 Jan 1970");
  });

  it("refuses values that would need encoding", () => {
    expect(() => serializeCookie("x", "a;b", { secure: false })).toThrow();
  });
});
