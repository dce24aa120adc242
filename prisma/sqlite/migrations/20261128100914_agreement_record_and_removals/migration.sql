-- AlterTable
ALTER TABLE "Position" ADD COLUMN "contentHash" TEXT;

-- CreateTable
CREATE TABLE "BoardRemoval" (
    "boardId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "removedAt" DATETIME NOT NULL,

    PRIMARY KEY ("boardId", "userId"),
    CONSTRAINT "BoardRemoval_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
