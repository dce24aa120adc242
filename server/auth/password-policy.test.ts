import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

const account = { email: "sven.berg@example.org", displayName: "Sven Berg" };

describe("password policy (ASVS 2.1)", () => {
  it("HARDEN-13 needs 12 characters, refuses the commonest passwords and ones made of the email or name", async () => {
    expect(await passwordProblem("tiger-plum!", account)).toBe("account.passwordTooShort");
    expect(await passwordProblem("password1234", account)).toBe("account.passwordTooCommon");
    expect(await passwordProblem("123456789012", account)).toBe("account.passwordTooCommon");
    expect(await passwordProblem("qwertyuiopas", account)).toBe("account.passwordTooCommon");
    expect(await passwordProblem("Password123!", account)).toBe("account.passwordTooCommon");
    expect(await passwordProblem("sven.berg@example.org", account)).toBe("account.passwordPersonal");
    expect(await passwordProblem("my name is Sven Berg", account)).toBe("account.passwordPersonal");
    expect(await passwordProblem("svenberg2026!!", account)).toBe("account.passwordPersonal");
  });

  it("takes any long, uncommon password, with no composition rules", async () => {
    expect(await passwordProblem("correct horse battery", account)).toBeNull();
    expect(await passwordProblem("tiger-lantern-plum", account)).toBeNull();
    expect(await passwordProblem("лиса под мостом", account)).toBeNull();
    expect(await passwordProblem("x".repeat(201), account)).toBe("account.passwordTooLong");
  });
});
