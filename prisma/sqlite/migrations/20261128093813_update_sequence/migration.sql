-- Per-board update sequence (hand-edited: existing rows are numbered in id order, per board; the existing
-- snapshot covers sequence 0 because every row it covered was deleted when it was written).
-- CreateTable
CREATE TABLE "CompactionLease" (
    "boardId" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "CompactionLease_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Board" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "archivedAt" DATETIME,
    "createdById" TEXT,
    "updateSeq" INTEGER NOT NULL DEFAULT 0
);
DELETE FROM "BoardUpdate" WHERE "id" <= (SELECT "coversUpdateId" FROM "BoardSnapshot" s WHERE s."boardId" = "BoardUpdate"."boardId");
INSERT INTO "new_Board" ("archivedAt", "createdAt", "createdById", "id", "title", "updatedAt", "updateSeq") SELECT "archivedAt", "createdAt", "createdById", "id", "title", "updatedAt", (SELECT COUNT(*) FROM "BoardUpdate" u WHERE u."boardId" = "Board"."id") FROM "Board";
DROP TABLE "Board";
ALTER TABLE "new_Board" RENAME TO "Board";
CREATE TABLE "new_BoardSnapshot" (
    "boardId" TEXT NOT NULL PRIMARY KEY,
    "data" BLOB NOT NULL,
    "coversSeq" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BoardSnapshot_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_BoardSnapshot" ("boardId", "data", "coversSeq", "updatedAt") SELECT "boardId", "data", 0, "updatedAt" FROM "BoardSnapshot";
DROP TABLE "BoardSnapshot";
ALTER TABLE "new_BoardSnapshot" RENAME TO "BoardSnapshot";
CREATE TABLE "new_BoardUpdate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "boardId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BLOB NOT NULL,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BoardUpdate_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_BoardUpdate" ("authorId", "boardId", "createdAt", "data", "id", "seq") SELECT "authorId", "boardId", "createdAt", "data", "id", ROW_NUMBER() OVER (PARTITION BY "boardId" ORDER BY "id") FROM "BoardUpdate";
DROP TABLE "BoardUpdate";
ALTER TABLE "new_BoardUpdate" RENAME TO "BoardUpdate";
CREATE UNIQUE INDEX "BoardUpdate_boardId_seq_key" ON "BoardUpdate"("boardId", "seq");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
