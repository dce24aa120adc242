-- Per-board update sequence (hand-written: existing rows are numbered in id order, per board; the existing
-- snapshot covers sequence 0 because every row it covered was deleted when it was written).

-- CreateTable
CREATE TABLE "CompactionLease" (
    "boardId" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CompactionLease_pkey" PRIMARY KEY ("boardId")
);

-- AddForeignKey
ALTER TABLE "CompactionLease" ADD CONSTRAINT "CompactionLease_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

DELETE FROM "BoardUpdate" u USING "BoardSnapshot" s WHERE s."boardId" = u."boardId" AND u."id" <= s."coversUpdateId";

-- AlterTable
ALTER TABLE "Board" ADD COLUMN "updateSeq" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "BoardSnapshot" ADD COLUMN "coversSeq" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "BoardSnapshot" ALTER COLUMN "coversSeq" DROP DEFAULT;
ALTER TABLE "BoardSnapshot" DROP COLUMN "coversUpdateId";
ALTER TABLE "BoardUpdate" ADD COLUMN "seq" INTEGER NOT NULL DEFAULT 0;
UPDATE "BoardUpdate" u SET "seq" = n.rn
  FROM (SELECT "id", ROW_NUMBER() OVER (PARTITION BY "boardId" ORDER BY "id") AS rn FROM "BoardUpdate") n
  WHERE n."id" = u."id";
ALTER TABLE "BoardUpdate" ALTER COLUMN "seq" DROP DEFAULT;
UPDATE "Board" b SET "updateSeq" = (SELECT COUNT(*) FROM "BoardUpdate" u WHERE u."boardId" = b."id");

-- DropIndex
DROP INDEX "BoardUpdate_boardId_id_idx";

-- CreateIndex
CREATE UNIQUE INDEX "BoardUpdate_boardId_seq_key" ON "BoardUpdate"("boardId", "seq");
