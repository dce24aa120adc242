import { loadCatalogue, type CatalogueInstrument } from "./instrument-catalogue";
import type { PrismaClient } from "./prisma-client";

/**
 * Upserts the catalogue's instruments into the shared library (boardId null). Idempotent, and an
 * edited catalogue updates existing rows on the next start. Returns how many were seeded.
 */
export async function seedInstruments(
  prisma: PrismaClient,
  instruments: CatalogueInstrument[] = loadCatalogue().instruments,
): Promise<number> {
  await prisma.$transaction(
    instruments.map(({ id, ...fields }) =>
      prisma.instrument.upsert({
        where: { id },
        create: { id, ...fields, boardId: null },
        update: { ...fields, boardId: null },
        select: { id: true },
      }),
    ),
  );
  return instruments.length;
}
