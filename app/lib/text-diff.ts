/**
 * Turning a text field's edit into the smallest Y.Text change, and keeping a
 * caret in place when someone else's change arrives. Pure, so it is unit tested.
 */

interface TextChange {
  index: number;
  deleteCount: number;
  insert: string;
}

/** Delta as delivered by Y.YTextEvent.delta. */
export type TextDelta = ReadonlyArray<{ retain?: number; insert?: unknown; delete?: number }>;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Common prefix/suffix diff of `before` → `after`. `caret` (selection end after
 * the edit) settles ambiguous cases: typing "a" at the start of "aa" is an
 * insert at 0, not at 2. Never splits a surrogate pair. Null when equal.
 */
export function diffText(before: string, after: string, caret?: number): TextChange | null {
  if (before === after) return null;
  const shortest = Math.min(before.length, after.length);
  const suffixLimit = caret === undefined ? shortest : Math.max(0, Math.min(shortest, after.length - caret));
  let suffix = 0;
  while (suffix < suffixLimit && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  let prefix = 0;
  while (prefix < shortest - suffix && before[prefix] === after[prefix]) prefix++;
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return {
    index: prefix,
    deleteCount: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

/** Applies a change to a string (what Y.Text will hold after the change). */
export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.index) + change.insert + text.slice(change.index + change.deleteCount);
}

/**
 * Where `position` (in the text before the delta) ends up after the delta.
 * Text inserted exactly at the position goes after it, so a remote insertion
 * at my caret does not push my caret along.
 */
export function transformPosition(position: number, delta: TextDelta): number {
  let oldIndex = 0;
  let result = position;
  for (const op of delta) {
    if (oldIndex >= position) break; // everything from here on is after the position
    if (op.retain !== undefined) {
      oldIndex += op.retain;
    } else if (op.delete !== undefined) {
      result -= Math.min(op.delete, position - oldIndex);
      oldIndex += op.delete;
    } else if (op.insert !== undefined) {
      result += typeof op.insert === "string" ? op.insert.length : 1;
    }
  }
  return result;
}

interface Selection {
  start: number;
  end: number;
}

export function transformSelection(selection: Selection, delta: TextDelta): Selection {
  const start = transformPosition(selection.start, delta);
  const end = transformPosition(selection.end, delta);
  return { start, end: Math.max(start, end) };
}
