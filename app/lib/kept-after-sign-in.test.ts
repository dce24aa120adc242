import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { forgetKeptInput, keepForSignIn, readKeptInput, rememberSignedInUser } from "./kept-after-sign-in";

const fields = [{ label: "Comment", value: "Typed while the session ran out." }];
const board = "/boards/b1";

describe("input kept across signing in again", () => {
  beforeEach(() => {
    const items = new Map<string, string>();
    vi.stubGlobal("sessionStorage", {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    });
  });
  afterEach(() => {
    rememberSignedInUser(null);
    vi.unstubAllGlobals();
  });

  it("FORMS-2 what was typed is shown again to the same person, on the page it was typed on, until dismissed", () => {
    rememberSignedInUser("anna");
    keepForSignIn(board, fields, 1000);
    expect(readKeptInput("anna", "/boards/other", 2000)).toBeNull();
    expect(readKeptInput("anna", board, 2000)).toMatchObject({ page: board, fields });
    forgetKeptInput();
    expect(readKeptInput("anna", board, 2000)).toBeNull();
  });

  it("FORMS-2 another person signing in on the tab never sees it, and it is dropped", () => {
    rememberSignedInUser("anna");
    keepForSignIn(board, fields, 1000);
    expect(readKeptInput("bert", board, 2000)).toBeNull();
    expect(readKeptInput("anna", board, 2000)).toBeNull();
  });

  it("FORMS-2 after an hour it is dropped unseen; nothing is kept when nobody was signed in or nothing typed", () => {
    rememberSignedInUser("anna");
    keepForSignIn(board, fields, 1000);
    expect(readKeptInput("anna", board, 1000 + 60 * 60 * 1000 + 1)).toBeNull();
    keepForSignIn(board, [], 1000);
    expect(readKeptInput("anna", board, 2000)).toBeNull();
    rememberSignedInUser(null);
    keepForSignIn(board, fields, 1000);
    expect(readKeptInput("anna", board, 2000)).toBeNull();
  });
});
