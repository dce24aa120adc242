/**
 * PostgreSQL text cannot hold U+0000 (SQLite can): a NUL that reaches a write fails it with a 500 on one
 * provider only. Forms refuse NUL at the edge (422, app/lib/csrf.server.ts); text that comes from the Yjs
 * document (row titles copied into activity entries) is written by any client over the socket, so it is
 * cleaned here before it is stored. JSON columns need nothing: JSON.stringify writes NUL as the escape \u0000.
 */
export function storableText(text: string): string {
  return text.replaceAll("\u0000", "");
}

export function storableTitle(title: string | null | undefined): string | null {
  return title == null ? null : storableText(title);
}
