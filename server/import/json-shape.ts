/**
 * One linear pass over JSON text before JSON.parse: nesting depth and string
 * length. Only counts (no values are built), so a hostile file costs one scan
 * of at most 5 MiB. Invalid JSON is left for JSON.parse to describe.
 */
export function checkJsonShape(
  text: string,
  maxDepth: number,
  maxStringChars: number,
): "depth" | "field-length" | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      const start = i;
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c /* \ */) i++;
        else if (c === 0x22) break;
      }
      if (i - start - 1 > maxStringChars) return "field-length";
    } else if (ch === 0x5b /* [ */ || ch === 0x7b /* { */) {
      if (++depth > maxDepth) return "depth";
    } else if (ch === 0x5d /* ] */ || ch === 0x7d /* } */) {
      depth--;
    }
  }
  return null;
}
