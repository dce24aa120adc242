/**
 * A message as data, for text made where the reader's language is unknown:
 * zod field errors built once at module load, services on the server. The
 * value is the catalogue key plus its parameters, "forms.tooLong?max=200"; the
 * UI translates it when it renders (app/i18n tMessage), in the reader's language.
 * Text that is not a ref (a plain sentence) is shown as it is.
 */
export type MessageRefParams = Readonly<Record<string, string | number>>;

const KEY = /^[a-z][A-Za-z0-9]*\.[A-Za-z0-9_-]+$/;

export function messageRef(key: string, params?: MessageRefParams): string {
  if (!KEY.test(key)) throw new Error(`not a message key: ${key}`);
  if (!params || Object.keys(params).length === 0) return key;
  const query = new URLSearchParams(Object.entries(params).map(([name, value]) => [name, String(value)]));
  return `${key}?${query.toString()}`;
}

export function parseMessageRef(text: string): { key: string; params: Record<string, string> } | null {
  const at = text.indexOf("?");
  const key = at < 0 ? text : text.slice(0, at);
  if (!KEY.test(key)) return null;
  const params = at < 0 ? {} : Object.fromEntries(new URLSearchParams(text.slice(at + 1)));
  return { key, params };
}
