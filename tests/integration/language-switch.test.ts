/**
 * I18N-13: the header's language switch (POST /locale) through the real server and Remix build (run
 * `npx remix build` first): the choice sticks for a visitor (cookie) and for an account (its setting), and the
 * switch goes back to the page it came from, on this site only.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "../support/accounts";
import { givenAppServer } from "../support/given-server";

const remit = givenAppServer();
let anna: TestAccount;

beforeAll(async () => {
  anna = await createAccount(remit.server, "Anna", "DE");
});

const ENGLISH_BROWSER = { "Accept-Language": "en-GB,en;q=0.9" };
const langOf = (html: string) => /<html[^>]* lang="(\w+)"/.exec(html)?.[1];

describe("I18N-13 the header's language switch", () => {
  it("I18N-13 a visitor's choice is kept in a cookie that outranks the browser's language, and the switch goes back", async () => {
    const visitor = remit.browser(null, { headers: ENGLISH_BROWSER });
    const switched = await visitor.postForm("/locale", { locale: "fr", next: "/signup" });
    expect(switched.status).toBeGreaterThanOrEqual(300);
    expect(switched.status).toBeLessThan(400);
    expect(switched.headers.get("location")).toBe("/signup");
    const cookie = switched.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^remit_locale=fr;/);
    const page = await fetch(`${remit.server.url}/signup`, {
      headers: { ...ENGLISH_BROWSER, Cookie: cookie.split(";")[0] },
    });
    expect(langOf(await page.text())).toBe("fr");
    expect(langOf(await (await fetch(`${remit.server.url}/signup`, { headers: ENGLISH_BROWSER })).text())).toBe("en");
    // Back to a page of this site only: another site's address goes home.
    const elsewhere = await visitor.postForm("/locale", { locale: "fr", next: "https://evil.example/x" });
    expect(elsewhere.headers.get("location")).toBe("/");
    expect((await visitor.postForm("/locale", { locale: "de" })).status).toBe(400);
  });

  it("I18N-13 I18N-11 a signed-in person's choice goes to their account: another browser of theirs reads French", async () => {
    expect((await remit.postAs(anna, "/locale", { locale: "fr", next: "/account" })).status).toBe(302);
    // No cookie here, and a browser asking for English: the account's setting decides.
    const account = await remit.browser(anna, { headers: ENGLISH_BROWSER }).get("/account");
    const html = await account.text();
    expect(langOf(html)).toBe("fr");
    expect(html).toContain("Allemagne");
    expect(html).not.toContain("Germany");
  });
});
