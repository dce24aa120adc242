import { describe, expect, it } from "vitest";
import { CATALOGUES, LOCALES, translate } from "../i18n";
import {
  CLOSE_CODE_RECOVERY,
  CloseCode,
  CloseReason,
  MAX_CLOSE_REASON_BYTES,
  notReleasableReason,
  PERMANENT_CLOSE_CODES,
  type CloseCodeName,
} from "../../core/collab-protocol";
import { CLOSE_MESSAGES, closeMessage, isExplainedRetry } from "./close-messages";

const names = Object.keys(CloseCode) as CloseCodeName[];

describe("close messages", () => {
  it("I18N-10 every close code has its own message in every language, and says whether it reconnects", () => {
    expect(Object.keys(CLOSE_MESSAGES).sort()).toEqual([...names].sort());
    for (const locale of LOCALES) {
      for (const name of names) {
        const text = translate(CATALOGUES[locale], CLOSE_MESSAGES[name]);
        expect(text, `${locale} ${name}`).not.toBe(CLOSE_MESSAGES[name]);
        expect(text.trim().length, `${locale} ${name}`).toBeGreaterThan(10);
      }
      // French is French, not English left in place.
      if (locale !== "en")
        for (const name of names)
          expect(translate(CATALOGUES[locale], CLOSE_MESSAGES[name])).not.toBe(
            translate(CATALOGUES.en, CLOSE_MESSAGES[name]),
          );
    }
    expect(closeMessage(CloseCode.forbidden)).toBe(
      "You are no longer a member of this board. Ask the chair if you need access again. " +
        "The board will not reconnect by itself.",
    );
    expect(closeMessage(CloseCode.serviceRestart)).toMatch(/^The server is restarting\. Reconnecting automatically/);
    expect(closeMessage(1006)).toBe("The connection was closed (1006).");
  });

  it("I18N-10 permanent codes stop reconnecting; transient ones keep trying and are explained meanwhile", () => {
    for (const name of names) {
      const code = CloseCode[name];
      expect(PERMANENT_CLOSE_CODES.has(code), name).toBe(CLOSE_CODE_RECOVERY[name] === "stop");
      expect(isExplainedRetry(code), name).toBe(CLOSE_CODE_RECOVERY[name] === "retry");
    }
    for (const code of [CloseCode.forbidden, CloseCode.notReleasable, CloseCode.unauthenticated])
      expect(PERMANENT_CLOSE_CODES.has(code)).toBe(true);
    for (const code of [CloseCode.serviceRestart, CloseCode.rateLimited, CloseCode.goingAway])
      expect(PERMANENT_CLOSE_CODES.has(code)).toBe(false);
    expect(isExplainedRetry(1006)).toBe(false);
    expect(isExplainedRetry(null)).toBe(false);
  });

  it("I18N-10 close reasons are short machine-readable rule names, never sentences", () => {
    const reasons = [
      ...Object.values(CloseReason),
      notReleasableReason("delegations:" + "ABCDEFGHIJKLMNOP,".repeat(64)),
    ];
    for (const reason of reasons) {
      expect(reason).toMatch(/^[a-z][a-z0-9-]*(:[\x21-\x7e]*)?$/);
      expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(MAX_CLOSE_REASON_BYTES);
    }
    expect(notReleasableReason("nato")).toBe("not-releasable:nato");
  });
});
