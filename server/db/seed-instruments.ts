import { loadCatalogue, type CatalogueInstrument } from "./instrument-catalogue";
import type { PrismaClient } from "./prisma-client";

/** The instrument's table columns: its French title and that title's sourcing live only in the catalogue. */
function tableFields({
  nameFr: _nameFr,
  nameFrSource: _source,
  nameFrPublished: _published,
  nameFrOf: _of,
  nameFrNone: _none,
  ...fields
}: CatalogueInstrument) {
  return fields;
}
const sameFields = (a: CatalogueInstrument, b: Record<string, unknown>) =>
  Object.entries(tableFields(a)).every(([key, value]) => value === b[key]);

/**
 * Upserts the catalogue's instruments into the shared library (boardId null). Idempotent, and an
 * edited catalogue updates existing rows on the next start. Only entries that are missing or differ
 * are written: one read instead of a query per instrument at every start (start-up time, P9).
 * Returns how many the catalogue holds.
 */
export async function seedInstruments(
  prisma: PrismaClient,
  instruments: CatalogueInstrument[] = loadCatalogue().instruments,
): Promise<number> {
  const stored = await prisma.instrument.findMany({
    where: { boardId: null },
    select: { id: true, name: true, owner: true, kind: true, year: true, reference: true, summary: true },
  });
  const byId = new Map(stored.map((row) => [row.id, row]));
  const changed = instruments.filter((instrument) => {
    const row = byId.get(instrument.id);
    return !row || !sameFields(instrument, row);
  });
  if (changed.length === 0) return instruments.length;
  await prisma.$transaction(
    // The French title stays in the catalogue (services.listInstruments applies it); the table keeps one name.
    changed.map((instrument) => {
      const { id, ...fields } = tableFields(instrument);
      return prisma.instrument.upsert({
        where: { id },
        create: { id, ...fields, boardId: null },
        update: { ...fields, boardId: null },
        select: { id: true },
      });
    }),
  );
  return instruments.length;
}
