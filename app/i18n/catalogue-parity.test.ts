/**
 * Every language says everything: a key in one catalogue and not the other, or a
 * message whose {placeholders} differ, fails here (a missing French key would
 * otherwise fall back to English silently). Message refs written in server code
 * (core/message-ref.ts) must name keys that exist.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CATALOGUES, isMessageKey, LOCALES } from "./index";

function leaves(node: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (message: string) => [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

const reference = leaves(CATALOGUES.en);

describe("catalogue parity", () => {
  for (const locale of LOCALES.filter((l) => l !== "en")) {
    const other = leaves(CATALOGUES[locale]);

    it(`I18N-1 ${locale} has exactly the keys of en`, () => {
      expect([...reference.keys()].filter((key) => !other.has(key))).toEqual([]);
      expect([...other.keys()].filter((key) => !reference.has(key))).toEqual([]);
    });

    it(`I18N-1 ${locale} messages use the same placeholders as en`, () => {
      const mismatches = [...reference]
        .filter(
          ([key, message]) => other.has(key) && placeholders(message).join() !== placeholders(other.get(key)!).join(),
        )
        .map(([key]) => key);
      expect(mismatches).toEqual([]);
    });

    it(`${locale} has no empty message`, () => {
      expect([...other].filter(([, message]) => message.trim() === "").map(([key]) => key)).toEqual([]);
    });
  }

  it("I18N-3 message refs in server and core code name existing keys", () => {
    const root = fileURLToPath(new URL("../../", import.meta.url));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !name.endsWith(".test.ts")) files.push(path);
      }
    };
    walk(join(root, "server"));
    walk(join(root, "core"));
    const keys = files.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/messageRef\("([^"]+)"/g)].map((match) => match[1]),
    );
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.filter((key) => !isMessageKey(key))).toEqual([]);
  });
});
