/**
 * PublishedVersion rows: insert (numbered max+1 in a transaction) and read.
 * Nothing here updates or deletes a version; the database refuses it too
 * (triggers in the immutable-versions migration).
 */
import { createHash, randomUUID } from "node:crypto";
import {
  canonicalJson,
  MatrixSnapshotSchema,
  SnapshotVersionSchema,
  type MatrixSnapshot,
} from "../../core/matrix-snapshot";
import type { VersionSummary } from "../../core/version-contract";
import type { PrismaClient } from "../db/prisma-client";
import { fingerprintSnapshot } from "../export/fingerprint";

const MAX_NUMBER_ATTEMPTS = 5;

const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const summarySelect = {
  number: true,
  title: true,
  publishedAt: true,
  publishedByName: true,
  fingerprint: true,
  snapshotJson: true,
} as const;
type SummaryRecord = {
  number: number;
  title: string;
  publishedAt: Date;
  publishedByName: string;
  fingerprint: string;
  snapshotJson: string;
};

/** Two publishers raced for the same number (unique boardId+number). */
function isUniqueConflict(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * The version header and row count of a stored snapshot without parsing all
 * of it: in canonical JSON "version" is the last member, and a key such as
 * "workflowState" (one per row) cannot occur inside a string, where quotes
 * are escaped. Falls back to a full parse if the text is not as expected.
 */
function readHeader(json: string): { version: NonNullable<MatrixSnapshot["version"]>; rowCount: number } {
  const start = json.lastIndexOf(',"version":');
  const tail = start >= 0 ? SnapshotVersionSchema.safeParse(safeJson(json.slice(start + 11, -1))) : null;
  if (tail?.success) return { version: tail.data, rowCount: json.split('"workflowState":').length - 1 };
  const snapshot = MatrixSnapshotSchema.parse(JSON.parse(json));
  if (!snapshot.version) throw new Error("stored version has no version header");
  return { version: snapshot.version, rowCount: snapshot.rows.length };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function toSummary(record: SummaryRecord): VersionSummary {
  const { version, rowCount } = readHeader(record.snapshotJson);
  return {
    number: record.number,
    title: record.title,
    publishedAt: record.publishedAt.toISOString(),
    publishedByName: record.publishedByName,
    publishedByDelegation: version.publishedBy.delegation,
    procedure: version.procedure,
    fingerprint: record.fingerprint,
    rowCount,
  };
}

interface NewVersion {
  boardId: string;
  publishedById: string;
  publishedAt: Date;
  yjsState: Uint8Array;
  /** Called with the number the version gets; returns its snapshot. */
  snapshotFor(number: number): MatrixSnapshot;
}

/** Inserts the next version; on a number conflict with a concurrent publish, takes the next number. */
export async function insertVersion(prisma: PrismaClient, input: NewVersion): Promise<VersionSummary> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        const last = await tx.publishedVersion.aggregate({ where: { boardId: input.boardId }, _max: { number: true } });
        const number = (last._max.number ?? 0) + 1;
        const snapshot = MatrixSnapshotSchema.parse(input.snapshotFor(number));
        const snapshotJson = canonicalJson(snapshot);
        const record = await tx.publishedVersion.create({
          data: {
            id: randomUUID(),
            boardId: input.boardId,
            number,
            title: snapshot.version?.title ?? "",
            publishedAt: input.publishedAt,
            publishedById: input.publishedById,
            publishedByName: snapshot.version?.publishedBy.name ?? "",
            snapshotJson,
            // Equal to sha256Hex(snapshotJson): the snapshot is parsed, so its canonical JSON is what is hashed.
            fingerprint: fingerprintSnapshot(snapshot),
            yjsState: new Uint8Array(input.yjsState),
          },
          select: summarySelect,
        });
        return toSummary(record);
      });
    } catch (error) {
      if (!isUniqueConflict(error) || attempt >= MAX_NUMBER_ATTEMPTS) throw error;
      // A little jitter so racing publishers do not collide again on the next number.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

export async function listVersionRecords(prisma: PrismaClient, boardId: string): Promise<VersionSummary[]> {
  const records = await prisma.publishedVersion.findMany({
    where: { boardId },
    orderBy: { number: "desc" },
    select: summarySelect,
  });
  return records.map(toSummary);
}

export async function readVersionRecord(prisma: PrismaClient, boardId: string, number: number) {
  const record = await prisma.publishedVersion.findUnique({
    where: { boardId_number: { boardId, number } },
    select: summarySelect,
  });
  if (!record) return null;
  const snapshot = MatrixSnapshotSchema.parse(JSON.parse(record.snapshotJson));
  return { summary: toSummary(record), snapshot, intact: sha256Hex(record.snapshotJson) === record.fingerprint };
}
