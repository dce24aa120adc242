import { describe, expect, it } from "vitest";
import { csrfTokensMatch, ensureCsrfToken, MAX_FORM_BYTES, newCsrfToken, readFormWithCsrf } from "./csrf.server";

const token = newCsrfToken();

function post(cookieToken: string | null, formToken: string | null): Request {
  const body = new URLSearchParams({ intent: "x" });
  if (formToken !== null) body.set("csrf", formToken);
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (cookieToken !== null) headers.Cookie = `other=1; remit_csrf=${cookieToken}`;
  return new Request("http://localhost/", { method: "POST", body, headers });
}

async function statusOf(promise: Promise<unknown>): Promise<number | "ok"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as { init?: { status?: number } }).init?.status ?? -1;
  }
}

describe("csrf", () => {
  it("issues 43-character url-safe tokens", () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newCsrfToken()).not.toBe(token);
  });

  it("matches only identical well-formed tokens", () => {
    expect(csrfTokensMatch(token, token)).toBe(true);
    expect(csrfTokensMatch(token, newCsrfToken())).toBe(false);
    expect(csrfTokensMatch(token, token.slice(0, 42))).toBe(false);
    expect(csrfTokensMatch(null, token)).toBe(false);
    expect(csrfTokensMatch(token, null)).toBe(false);
    expect(csrfTokensMatch("", "")).toBe(false);
    expect(csrfTokensMatch(token, new File([token], "f"))).toBe(false);
  });

  it("sets a cookie only when the request has none", () => {
    const fresh = ensureCsrfToken(new Request("http://localhost/"), { secureCookies: true });
    expect(fresh.setCookie).toMatch(
      new RegExp(`^remit_csrf=${fresh.token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=\\d+; Secure$`),
    );
    const again = ensureCsrfToken(new Request("http://localhost/", { headers: { Cookie: `remit_csrf=${token}` } }), {
      secureCookies: false,
    });
    expect(again).toEqual({ token, setCookie: null });
  });

  it("returns the form when field and cookie match, 403 otherwise", async () => {
    const form = await readFormWithCsrf(post(token, token));
    expect(form.get("intent")).toBe("x");
    expect(await statusOf(readFormWithCsrf(post(token, null)))).toBe(403);
    expect(await statusOf(readFormWithCsrf(post(null, token)))).toBe(403);
    expect(await statusOf(readFormWithCsrf(post(token, newCsrfToken())))).toBe(403);
  });

  it("answers 413 to a body over the limit, sent whole or streamed, without keeping more than the limit", async () => {
    const big = new URLSearchParams({ csrf: token, text: "x".repeat(MAX_FORM_BYTES) });
    const headers = { "Content-Type": "application/x-www-form-urlencoded", Cookie: `remit_csrf=${token}` };
    expect(
      await statusOf(readFormWithCsrf(new Request("http://localhost/", { method: "POST", body: big, headers }))),
    ).toBe(413);
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = new Request("http://localhost/", {
      method: "POST",
      body: stream,
      headers,
      duplex: "half",
    } as RequestInit);
    expect(await statusOf(readFormWithCsrf(streamed))).toBe(413);
  });

  it("answers 400 to a body that is not a form (JSON, none, broken multipart), not 500", async () => {
    const request = (body: string | null, contentType?: string) =>
      new Request("http://localhost/", {
        method: "POST",
        body,
        headers: { Cookie: `remit_csrf=${token}`, ...(contentType ? { "Content-Type": contentType } : {}) },
      });
    expect(await statusOf(readFormWithCsrf(request(JSON.stringify({ csrf: token }), "application/json")))).toBe(400);
    expect(await statusOf(readFormWithCsrf(request(null)))).toBe(400);
    expect(await statusOf(readFormWithCsrf(request("garbage", "multipart/form-data; boundary=xx")))).toBe(400);
  });
});
