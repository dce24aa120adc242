import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  it("applies defaults", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe("file:./data/remit.db");
    expect(config.MAX_FRAME_BYTES).toBe(2 * 1024 * 1024);
    expect(config.DEMO).toBe(true);
  });

  it("names every bad variable", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "abc", DATABASE_URL: "mysql://x", DEMO: "maybe" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain("PORT");
    expect(message).toContain("DATABASE_URL: must start with file:");
    expect(message).toContain("DEMO");
  });

  it("HARDEN-16 refuses TRUST_PROXY=true on every interface unless told the network keeps direct clients out", () => {
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(/HOST: with TRUST_PROXY=true/);
    expect(() => loadConfig({ TRUST_PROXY: "true", HOST: "::" })).toThrow(ConfigError);
    expect(loadConfig({ TRUST_PROXY: "true", HOST: "127.0.0.1" }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "true", ALLOW_DIRECT_WITH_TRUST_PROXY: "true" }).HOST).toBe("0.0.0.0");
  });

  it("PERF-74 COMPACT_SPREAD is a fraction of COMPACT_EVERY from 0 to 4, unset by default (the persister's 0.5)", () => {
    expect(loadConfig({}).COMPACT_SPREAD).toBeUndefined();
    expect(loadConfig({ COMPACT_SPREAD: "0" }).COMPACT_SPREAD).toBe(0);
    expect(loadConfig({ COMPACT_SPREAD: "0.25" }).COMPACT_SPREAD).toBe(0.25);
    expect(() => loadConfig({ COMPACT_SPREAD: "-1" })).toThrow(/COMPACT_SPREAD/);
    expect(() => loadConfig({ COMPACT_SPREAD: "half" })).toThrow(/COMPACT_SPREAD/);
  });

  it("parses allowed origins", () => {
    expect(loadConfig({ ALLOWED_ORIGINS: "https://a.example, http://b:3000" }).ALLOWED_ORIGINS).toEqual([
      "https://a.example",
      "http://b:3000",
    ]);
    expect(() => loadConfig({ ALLOWED_ORIGINS: "not a url" })).toThrow(/ALLOWED_ORIGINS/);
  });
});
