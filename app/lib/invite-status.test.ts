import { describe, expect, it } from "vitest";
import type { InviteInfo } from "../../core/services";
import { inviteStatus, inviteUrl } from "./invite-status";

const now = Date.parse("2025-11-25T12:00:00Z");
const invite = (overrides: Partial<InviteInfo>): InviteInfo => ({
  id: "i1",
  role: "delegate",
  expiresAt: "2025-11-26T12:00:00Z",
  maxUses: 1,
  uses: 0,
  revokedAt: null,
  createdAt: "2025-11-25T11:00:00Z",
  ...overrides,
});

describe("invite status", () => {
  it("is active, expired, revoked or used up (revoked wins)", () => {
    expect(inviteStatus(invite({}), now)).toBe("active");
    expect(inviteStatus(invite({ expiresAt: "2025-11-25T12:00:00Z" }), now)).toBe("expired");
    expect(inviteStatus(invite({ uses: 1 }), now)).toBe("used-up");
    expect(inviteStatus(invite({ maxUses: null, uses: 50 }), now)).toBe("active");
    expect(inviteStatus(invite({ uses: 1, revokedAt: "2025-11-25T11:30:00Z" }), now)).toBe("revoked");
  });

  it("builds the link", () => {
    expect(inviteUrl("https://remit.example", "abc")).toBe("https://remit.example/invite/abc");
  });
});
