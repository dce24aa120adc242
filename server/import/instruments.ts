/**
 * Instrument references in imported rows: by id or by exact name, against
 * the board's instruments plus the custom instruments the file itself defines.
 */
import { SNAPSHOT_INSTRUMENT_OWNERS } from "../../core/matrix-snapshot";
import type { ImportContext, ImportedInstrument, ImportError } from "./types";
import { messageRef, type MessageRef } from "../../core/message-ref";

export interface InstrumentRef {
  /** What the user wrote, for error messages. */
  label: string;
  /** From the "Name [id]" form; the id decides, the name is informative. */
  id?: string;
  /** The name written before "[id]". */
  name?: string;
}

/**
 * Splits an Instruments cell. Export form: "Name [id]; Name [id]" — split only
 * after "]" so names containing ";" survive. Hand-typed entries without
 * brackets are split on ";" and matched by id or exact name.
 */
export function parseInstrumentCell(cell: string): InstrumentRef[] {
  const refs: InstrumentRef[] = [];
  for (const part of cell.split(/(?<=\])\s*;\s*/)) {
    const match = /^([\s\S]*?)\s*\[([^[\]]+)\]\s*$/.exec(part);
    if (match) refs.push({ label: part.trim(), id: match[2].trim(), name: match[1].trim() });
    else
      for (const token of part
        .split(";")
        .map((t) => t.trim())
        .filter(Boolean))
        refs.push({ label: token });
  }
  return refs;
}

/**
 * `proposeUnknownNames` (CSV, XLSX): a plain name that matches nothing becomes
 * a proposed custom instrument (`proposals()`, id "unknown-name-n") instead of
 * an error, so a delegation's own spreadsheet imports; JSON refers to ids and
 * keeps the error.
 */
export function createInstrumentResolver(
  context: ImportContext,
  custom: readonly ImportedInstrument[],
  options: { proposeUnknownNames?: boolean } = {},
) {
  const proposed = new Map<string, ImportedInstrument>();
  const all = [...context.instruments, ...custom];
  const ids = new Set(all.map((instrument) => instrument.id));
  const byName = new Map<string, Set<string>>();
  for (const { id, name } of all) byName.set(name, (byName.get(name) ?? new Set()).add(id));

  const nameOf = new Map(all.map((instrument) => [instrument.id, instrument.name]));

  function resolveOne(ref: InstrumentRef): { id: string } | { error: MessageRef } {
    const token = ref.id ?? ref.label;
    if (ids.has(token)) return { id: token };
    if (ref.id) return { error: messageRef("importErrors.unknownInstrumentId", { label: ref.label, id: ref.id }) };
    const matches = [...(byName.get(token) ?? [])];
    if (matches.length === 1) return { id: matches[0] };
    if (matches.length > 1)
      return { error: messageRef("importErrors.ambiguousInstrument", { name: token, ids: matches.join(", ") }) };
    if (options.proposeUnknownNames && token.length <= 300) {
      const key = token.toLowerCase();
      if (!proposed.has(key)) {
        const id = `unknown-name-${proposed.size + 1}`;
        proposed.set(key, { id, name: token, owner: "National", kind: "", year: null, reference: "", fromName: true });
      }
      return { id: proposed.get(key)!.id };
    }
    return { error: messageRef("importErrors.unknownInstrument", { name: token }) };
  }

  /**
   * "Article 5; Ghost [g1]" typed by hand reaches us as one bracketed entry:
   * unless the instrument g1 is really called "Article 5; Ghost", the part
   * before the last ";" holds entries of its own.
   */
  function resolve(ref: InstrumentRef): ({ id: string } | { error: MessageRef })[] {
    if (!ref.id || !ref.name?.includes(";") || nameOf.get(ref.id) === ref.name) return [resolveOne(ref)];
    const segments = ref.name.split(";").map((t) => t.trim());
    const last = segments.pop() ?? "";
    const extra = segments.filter(Boolean).map((label) => resolveOne({ label }));
    return [...extra, resolveOne({ label: `${last} [${ref.id}]`.trim(), id: ref.id, name: last })];
  }
  return Object.assign(resolve, { proposals: () => [...proposed.values()] });
}

export type InstrumentResolver = ReturnType<typeof createInstrumentResolver>;

const OWNER_LIST = SNAPSHOT_INSTRUMENT_OWNERS.join(", ");

/**
 * Validates one custom-instrument definition from a file (CSV #remit:instrument
 * record, XLSX Instruments sheet, JSON instruments[]).
 */
export function readCustomInstrument(
  fields: { id: string; name: string; owner: string; kind: string; year: string; reference: string },
  row: number,
  column: (field: string) => string,
): { value?: ImportedInstrument; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const owner = SNAPSHOT_INSTRUMENT_OWNERS.find((o) => o.toLowerCase() === fields.owner.trim().toLowerCase());
  const yearText = fields.year.trim();
  const year = yearText === "" ? null : Number(yearText);
  if (!fields.id.trim())
    errors.push({ row, column: column("id"), message: messageRef("importErrors.instrumentIdRequired") });
  if (!fields.name.trim())
    errors.push({ row, column: column("name"), message: messageRef("importErrors.instrumentNameRequired") });
  if (fields.name.length > 300)
    errors.push({
      row,
      column: column("name"),
      message: messageRef("importErrors.instrumentNameTooLong", { max: 300 }),
    });
  if (!owner)
    errors.push({
      row,
      column: column("owner"),
      message: messageRef("importErrors.unknownOwner", { value: fields.owner, expected: OWNER_LIST }),
    });
  if (year !== null && !Number.isInteger(year))
    errors.push({ row, column: column("year"), message: messageRef("importErrors.yearNotWhole", { value: yearText }) });
  if (errors.length > 0 || !owner) return { errors };
  const value = {
    id: fields.id.trim(),
    name: fields.name.trim(),
    owner,
    kind: fields.kind.trim(),
    year,
    reference: fields.reference.trim(),
  };
  return { value, errors };
}

/** Custom instruments the board does not have yet (a re-import into the same board adds none). */
export function newCustomInstruments(
  context: ImportContext,
  custom: readonly ImportedInstrument[],
): ImportedInstrument[] {
  const known = new Set(context.instruments.map((instrument) => instrument.id));
  return custom.filter((instrument) => !known.has(instrument.id));
}
