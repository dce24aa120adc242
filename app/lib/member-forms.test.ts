import { tMessage } from "../i18n";
import { describe, expect, it } from "vitest";
import { minutesToWait, SignUpFormSchema } from "./account-forms";
import { parseForm } from "./board-forms";
import { ActivityQuerySchema, CreateInviteFormSchema, InviteTokenSchema } from "./member-forms";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
};

describe("account and member forms", () => {
  it("checks sign-up fields and never echoes the password or CSRF token", () => {
    const result = parseForm(
      SignUpFormSchema,
      form({ email: "nope", password: "short", displayName: " ", delegationCode: "", csrf: "t" }),
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["delegationCode", "displayName", "email", "password"]);
    expect(result.fieldErrors.password).toBe("account.passwordTooShort?min=12");
    expect(result.values).toEqual({ email: "nope", displayName: " ", delegationCode: "" });
  });

  it("turns the invite form into service input", () => {
    expect(parseForm(CreateInviteFormSchema, form({ role: "observer", expiresInHours: "48", uses: "single" }))).toEqual(
      {
        success: true,
        data: { role: "observer", expiresInHours: 48, maxUses: 1 },
      },
    );
    const multi = parseForm(CreateInviteFormSchema, form({ role: "delegate", expiresInHours: "720", uses: "multi" }));
    expect(multi.success && multi.data.maxUses).toBeNull();
    for (const hours of ["0", "721", "1.5", "soon"]) {
      const bad = parseForm(CreateInviteFormSchema, form({ role: "delegate", expiresInHours: hours, uses: "multi" }));
      expect(bad.success ? null : tMessage(bad.fieldErrors.expiresInHours!)).toMatch(/from 1 to 720/);
    }
  });

  it("validates invite tokens and the activity filter", () => {
    expect(InviteTokenSchema.safeParse("a".repeat(43)).success).toBe(true);
    expect(InviteTokenSchema.safeParse("a".repeat(42)).success).toBe(false);
    expect(ActivityQuerySchema.safeParse({ delegation: "DE" }).success).toBe(true);
    expect(ActivityQuerySchema.safeParse({ delegation: "NATO-IS" }).success).toBe(true);
    expect(ActivityQuerySchema.safeParse({ delegation: "de" }).success).toBe(false);
    expect(ActivityQuerySchema.safeParse({ delegation: "<script>" }).success).toBe(false);
  });

  it("rounds rate-limit waits up to whole minutes", () => {
    expect(minutesToWait(1)).toBe(1);
    expect(minutesToWait(61)).toBe(2);
    expect(minutesToWait(0)).toBe(1);
  });
});
