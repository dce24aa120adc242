/**
 * Account and board helpers for the e2e specs. Every test signs up its own
 * accounts (unique emails), so tests never depend on each other's data.
 */
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { CSRF_COOKIE, CSRF_FIELD } from "../../../core/cookies";
import { DELEGATIONS } from "../../../server/auth/delegation-list";

export const PASSWORD = "correct horse battery";

export interface Person {
  name: string;
  /** Delegation as listed in the sign-up select, e.g. "Germany". */
  delegation: string;
}

export interface Account extends Person {
  email: string;
}

let sequence = 0;

export function uniqueEmail(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z]+/g, "-");
  return `${slug}-${Date.now().toString(36)}-${(sequence++).toString(36)}-${Math.random().toString(36).slice(2, 6)}@e2e.remit.test`;
}

/** Fills and submits the sign-up form on the current page (already at /signup, maybe with ?next=), then signs in. */
export async function submitSignUp(page: Page, account: Account): Promise<void> {
  const form = page.getByTestId("signup-form");
  await form.getByLabel("Email").fill(account.email);
  await form.getByLabel("Password").fill(PASSWORD);
  await form.getByLabel("Display name").fill(account.name);
  await form.getByLabel("Delegation").selectOption({ label: account.delegation });
  await form.getByRole("button", { name: "Create account" }).click();
  // Sign-up starts no session (its answer must not tell whether the email was taken): sign in next.
  await expect(page.getByTestId("signup-accepted")).toBeVisible();
  const login = page.getByTestId("login-form");
  await login.getByLabel("Email").fill(account.email);
  await login.getByLabel("Password").fill(PASSWORD);
  await login.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(`${account.name} (${account.delegation})`);
}

/**
 * Signs up and in by posting to the same routes the forms post to, without rendering them: the session cookie
 * lands in the page's browser context. Most specs test what comes after; the forms themselves are driven by
 * `submitSignUp` and `signUpAnyLanguage` (the axe, keyboard and whole-meeting specs). Rendering both forms for
 * each of the suite's ~50 delegates was a large share of its time.
 */
async function signUpOverHttp(page: Page, account: Account): Promise<void> {
  const delegationCode = DELEGATIONS.find((delegation) => delegation.name === account.delegation)?.code;
  if (!delegationCode) throw new Error(`no delegation named ${account.delegation}`);
  await page.request.get("/login"); // the root loader issues the CSRF cookie
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === CSRF_COOKIE)?.value;
  if (!csrf) throw new Error("the server issued no CSRF cookie");
  const fields = { [CSRF_FIELD]: csrf, next: "/", email: account.email, password: PASSWORD };
  const signup = await page.request.post("/signup", {
    form: { ...fields, displayName: account.name, delegationCode },
    maxRedirects: 0,
  });
  expect(signup.status(), "sign-up redirects to sign-in").toBe(302);
  const login = await page.request.post("/login", { form: fields, maxRedirects: 0 });
  expect(login.status(), "sign-in redirects home").toBe(302);
}

/** Creates a new account and leaves the page signed in on the home page. */
export async function signUp(page: Page, person: Person): Promise<Account> {
  const account = { ...person, email: uniqueEmail(person.name) };
  await signUpOverHttp(page, account);
  await page.goto("/");
  await expect(page.getByTestId("current-user")).toHaveText(`${account.name} (${account.delegation})`);
  return account;
}

/** Signs up and in through the forms by field names, so it works in any language. */
export async function signUpAnyLanguage(page: Page, name: string, delegationCode: string): Promise<void> {
  const email = uniqueEmail(name);
  await page.goto("/signup");
  const signup = page.getByTestId("signup-form");
  await signup.locator('[name="email"]').fill(email);
  await signup.locator('[name="password"]').fill(PASSWORD);
  await signup.locator('[name="displayName"]').fill(name);
  await signup.locator('[name="delegationCode"]').selectOption(delegationCode);
  await signup.locator('button[type="submit"]').press("Enter");
  // Sign-up starts no session: sign in next.
  await expect(page.getByTestId("signup-accepted")).toBeVisible();
  const login = page.getByTestId("login-form");
  await login.locator('[name="email"]').fill(email);
  await login.locator('[name="password"]').fill(PASSWORD);
  await login.locator('button[type="submit"]').press("Enter");
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** A fresh browser context (own cookies) with one page. */
export async function newPerson(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

/** Creates a board from the home page and waits until it is open and synced; returns its id. */
export async function createBoard(
  page: Page,
  title: string,
  template: "starter" | "empty" = "starter",
): Promise<string> {
  await page.goto("/");
  const form = page.getByTestId("create-board-form");
  await form.getByLabel("Title").fill(title);
  await form.getByTestId(`template-${template}`).check();
  await form.getByRole("button", { name: "Create board" }).click();
  await expect(page).toHaveURL(/\/boards\/[A-Za-z0-9_-]+$/);
  await waitForSynced(page);
  return new URL(page.url()).pathname.split("/").pop()!;
}

export async function waitForSynced(page: Page): Promise<void> {
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-synced", "true");
}

/** As chair, on the members page (opened in `page`): creates an invite link and returns it. */
export async function createInviteLink(
  page: Page,
  boardId: string,
  role: "delegate" | "observer" | "chair",
): Promise<string> {
  await page.goto(`/boards/${boardId}/members`);
  const form = page.getByTestId("invite-form");
  await form.getByLabel("Role").selectOption(role);
  await form.getByTestId("create-invite").click();
  const link = page.getByTestId("invite-link");
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return link.inputValue();
}

/** Signs up, opens the invite link, joins, and ends on the synced board. */
export async function signUpAndJoin(page: Page, inviteLink: string, person: Person): Promise<Account> {
  const account = { ...person, email: uniqueEmail(person.name) };
  await signUpOverHttp(page, account);
  await page.goto(inviteLink);
  await expect(page.getByTestId("invite-offer")).toBeVisible();
  await page.getByTestId("join-board").click();
  await expect(page).toHaveURL(/\/boards\/[A-Za-z0-9_-]+$/);
  await waitForSynced(page);
  return account;
}
