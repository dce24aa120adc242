import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./csp.server";

describe("content security policy", () => {
  it("allows scripts only from this origin and with the nonce", () => {
    const policy = contentSecurityPolicy("abc123", { development: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123'");
    expect(policy).toContain("connect-src 'self';");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("ws://");
  });

  it("lets the dev LiveReload socket connect in development only", () => {
    expect(contentSecurityPolicy("n", { development: true })).toContain("connect-src 'self' ws://localhost:*");
  });
});
