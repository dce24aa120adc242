/** The board id of a board page's path ("/boards/abc/versions/2" → "abc"), or null elsewhere. */
export function boardIdOfPath(pathname: string): string | null {
  const match = /^\/boards\/([A-Za-z0-9_-]{8,64})(?:[/.]|$)/.exec(pathname);
  return match ? match[1] : null;
}
