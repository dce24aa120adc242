/**
 * A message as data, for text made where the reader's language is unknown:
 * zod field errors built once at module load, services on the server. The
 * value is the catalogue key plus its parameters, "forms.tooLong?max=200"; the
 * UI translates it when it renders (app/i18n tMessage), in the reader's language.
 * Text that is not a ref (a plain sentence) is shown as it is.
 *
 * MessageRef is a branded string: the service contracts (field errors, import
 * problems, AccessDenied) take only MessageRef, so an English sentence written
 * in a service does not compile (core/message-ref.types.test.ts). Only this
 * module makes one (tests/unit/message-refs.test.ts forbids casts elsewhere).
 */
declare const brand: unique symbol;
export type MessageRef = string & { readonly [brand]: "MessageRef" };

type MessageRefParams = Readonly<Record<string, string | number>>;

/**
 * The only parameters that may hold a ref themselves ("Already a member ({role})" with role = "roles.chair"):
 * every other parameter is shown exactly as sent, so text read from a file that happens to look like a key
 * ("errors.forbidden" in a Category cell) is never replaced by a catalogue message.
 */
// "releasableTo" is the releasability list of a refusal ("releasability.nato"), never user text (MARK-11 to MARK-13).
export const NESTED_REF_PARAMS: ReadonlySet<string> = new Set(["role", "max", "expected", "releasableTo"]);

/**
 * Parameters that are lists of delegation codes ("DE,FR", a releasability list): the reader sees the delegations
 * named in their language, as a list in its way ("Allemagne et France", I18N-24). Codes typed by a person (an unknown
 * code in a form) go in other parameters and are shown as typed.
 */
export const DELEGATION_LIST_PARAMS: ReadonlySet<string> = new Set(["delegations"]);

/**
 * Parameters that are quantities ("5000 rows", "line 1234"): the reader's locale writes them ("5 000").
 * Ids, years and values read from a file are not quantities and keep their digits.
 */
export const QUANTITY_PARAMS: ReadonlySet<string> = new Set(["max", "found", "length", "line", "position", "count"]);

const KEY = /^[a-z][A-Za-z0-9]*\.[A-Za-z0-9_-]+$/;

export function messageRef(key: string, params?: MessageRefParams): MessageRef {
  if (!KEY.test(key)) throw new Error(`not a message key: ${key}`);
  if (!params || Object.keys(params).length === 0) return key as MessageRef;
  const query = new URLSearchParams(Object.entries(params).map(([name, value]) => [name, String(value)]));
  return `${key}?${query.toString()}` as MessageRef;
}

export function parseMessageRef(text: string): { key: string; params: Record<string, string> } | null {
  const at = text.indexOf("?");
  const key = at < 0 ? text : text.slice(0, at);
  if (!KEY.test(key)) return null;
  const params = at < 0 ? {} : Object.fromEntries(new URLSearchParams(text.slice(at + 1)));
  return { key, params };
}

/**
 * Text that should already be a ref (a zod message written with messageRef in a schema), checked at run time:
 * anything else (zod's own English defaults) becomes `fallback`, so no English sentence reaches a reader.
 */
export function asMessageRef(text: string, fallback: MessageRef): MessageRef {
  return parseMessageRef(text) ? (text as MessageRef) : fallback;
}
