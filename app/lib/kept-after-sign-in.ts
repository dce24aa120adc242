/**
 * FORMS-2: a submission that meets an ended session is redirected to sign-in, and the page with its form goes
 * away. What was typed in that form is kept in this tab's sessionStorage first, and shown again on the page it
 * was typed on once the same person has signed in again. Best effort: without sessionStorage nothing is kept.
 */
import * as z from "../../core/zod";

const STORAGE_KEY = "remit:kept-input";
/** Long enough to sign in again; short enough that a kept text does not turn up days later. */
const KEEP_MS = 60 * 60 * 1000;

const KeptFieldSchema = z.object({ label: z.string(), value: z.string() });
type KeptField = z.infer<typeof KeptFieldSchema>;

/** What sessionStorage holds: read back through this schema, as anything else from outside the page. */
const KeptInputSchema = z.object({
  /** The page it was typed on (path + query). */
  page: z.string(),
  /** Who typed it: only they see it again. */
  owner: z.string(),
  at: z.number(),
  fields: z.array(KeptFieldSchema),
});
export type KeptInput = z.infer<typeof KeptInputSchema>;

const TEXT_TYPES = new Set(["text", "search", "email", "url", "tel", "number", "date", "time", "datetime-local"]);

/** The fields a person typed into a form (never hidden fields, passwords or tokens), with their labels. */
function typedFields(form: HTMLFormElement): KeptField[] {
  const fields: KeptField[] = [];
  for (const element of Array.from(form.elements)) {
    const typed =
      element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && TEXT_TYPES.has(element.type));
    if (!typed || element.value.trim() === "") continue;
    const label = element.labels?.[0]?.textContent?.trim() || element.getAttribute("aria-label") || element.name;
    fields.push({ label, value: element.value });
  }
  return fields;
}

let lastTyped: KeptField[] = [];
let signedIn: string | null = null;

/** Called by the page while someone is signed in: kept input is theirs. */
export function rememberSignedInUser(userId: string | null): void {
  signedIn = userId;
}

// Every form submission, before Remix turns it into a fetch: the form element is gone by the time its action
// answers, so what was typed is read here.
if (typeof document !== "undefined") {
  document.addEventListener(
    "submit",
    (event) => {
      if (event.target instanceof HTMLFormElement) lastTyped = typedFields(event.target);
    },
    true,
  );
}

/** The submission just made met an ended session: keep what it carried for after signing in. */
export function keepForSignIn(page: string, fields = lastTyped, now = Date.now()): void {
  if (!signedIn || fields.length === 0) return;
  const kept: KeptInput = { page, owner: signedIn, at: now, fields };
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // No storage (private mode, quota): nothing kept, as before.
  }
}

/** What `userId` typed on `page` before signing in again, if anything; another person's is dropped. */
export function readKeptInput(userId: string, page: string, now = Date.now()): KeptInput | null {
  let stored: unknown;
  try {
    stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null");
  } catch {
    return null;
  }
  const parsed = KeptInputSchema.safeParse(stored);
  if (!parsed.success) return null;
  const kept = parsed.data;
  if (kept.owner !== userId || now - kept.at > KEEP_MS) {
    forgetKeptInput();
    return null;
  }
  return kept.page === page ? kept : null;
}

export function forgetKeptInput(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing to forget
  }
}
