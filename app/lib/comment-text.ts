/**
 * Comment bodies are plain text. For display they are split into lines, and
 * http(s) URLs become links; everything else stays text (rendered by React,
 * so markup in a comment is shown, never interpreted).
 */
type CommentSegment = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// A run of URL characters after http:// or https://, not glued to a word or another scheme (javascript:http://…).
const URL_PATTERN = /(?<![\w@:/.])https?:\/\/[^\s<>"'`]+/gi;
// Sentence punctuation after a URL belongs to the sentence.
const TRAILING = /[.,;:!?'"»)\]]+$/;

/** The link target, or null when the candidate is not an absolute http(s) URL with a host. */
export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Keeps a closing bracket that belongs to the URL itself, e.g. https://en.wikipedia.org/wiki/Foo_(bar). */
function trimTrailing(url: string): string {
  const trailing = url.match(TRAILING)?.[0] ?? "";
  let cut = url.slice(0, url.length - trailing.length);
  for (const char of trailing) {
    const open = char === ")" ? "(" : char === "]" ? "[" : null;
    if (!open) break;
    const opens = cut.split(open).length - 1;
    const closes = cut.split(char).length - 1;
    if (opens <= closes) break;
    cut += char;
  }
  return cut;
}

export function linkifyLine(line: string): CommentSegment[] {
  const segments: CommentSegment[] = [];
  let last = 0;
  const push = (text: string) => {
    if (!text) return;
    const previous = segments[segments.length - 1];
    if (previous?.kind === "text") previous.text += text;
    else segments.push({ kind: "text", text });
  };
  for (const match of line.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const url = trimTrailing(match[0]);
    const href = safeHref(url);
    push(line.slice(last, start));
    if (href) segments.push({ kind: "link", text: url, href });
    else push(url);
    last = start + url.length;
  }
  push(line.slice(last));
  return segments;
}

/** One array of segments per line (\n, \r\n or \r). */
export function commentLines(body: string): CommentSegment[][] {
  return body.split(/\r\n|\r|\n/).map(linkifyLine);
}
