/**
 * Password policy after OWASP ASVS v4 2.1 (decision 016): at least 12 characters, up to 200, any characters,
 * no composition rules; refused when it is among the commonest passwords or guessable from them (zxcvbn score
 * below 3, i.e. fewer than 10^8 guesses with its common-password and English dictionaries), or when it is, or
 * contains, the account's email, the part before the @, or the display name.
 * Answers are i18n message keys (the route translates them).
 */
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn 0-4; 3 = "safely unguessable: moderate protection from offline slow-hash attacks". */
const MIN_SCORE = 3;

export type PasswordProblem =
  "account.passwordTooShort" | "account.passwordTooLong" | "account.passwordTooCommon" | "account.passwordPersonal";

let estimator: Promise<ZxcvbnFactory> | null = null;
/**
 * Loaded and built on first use: importing the dictionaries decompresses them (about 0.6 s of CPU on a busy
 * machine), which every server start paid although only sign-up and resets need them (PERF-34).
 */
function strength(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(
    ([{ ZxcvbnFactory }, common, english]) =>
      new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary },
        graphs: common.adjacencyGraphs,
      }),
  );
  return estimator;
}

const squash = (text: string) => text.toLowerCase().replace(/[\s._-]+/g, "");

/** The personal strings a password must not contain (only ones long enough to mean something). */
function personalParts(email: string, displayName: string): string[] {
  const local = email.split("@")[0] ?? "";
  return [email, local, displayName, ...displayName.split(/\s+/)].map(squash).filter((part) => part.length >= 4);
}

export async function passwordProblem(
  password: string,
  account: { email: string; displayName: string },
): Promise<PasswordProblem | null> {
  // Length in code points, so an emoji counts once (ASVS 2.1.1 counts characters).
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "account.passwordTooShort";
  if (length > PASSWORD_MAX_LENGTH) return "account.passwordTooLong";
  const squashed = squash(password);
  if (personalParts(account.email, account.displayName).some((part) => squashed.includes(part)))
    return "account.passwordPersonal";
  const inputs = [account.email, account.displayName, "remit"];
  if ((await strength()).check(password.slice(0, 100), inputs).score < MIN_SCORE) return "account.passwordTooCommon";
  return null;
}
