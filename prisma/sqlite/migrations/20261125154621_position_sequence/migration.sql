/*
  Warnings:

  - The primary key for the `Position` table will be changed. If it partially fails, the table could be left without primary key constraint.
  - You are about to alter the column `id` on the `Position` table. The data in that column could be lost. The data in that column will be cast from `String` to `Int`.

*/
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Position" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "boardId" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,
    "delegationCode" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "text" TEXT,
    "recordedById" TEXT NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Position_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Position" ("boardId", "createdAt", "delegationCode", "id", "position", "recordedById", "recordedByName", "rowId", "text") SELECT "boardId", "createdAt", "delegationCode", "id", "position", "recordedById", "recordedByName", "rowId", "text" FROM "Position";
DROP TABLE "Position";
ALTER TABLE "new_Position" RENAME TO "Position";
CREATE INDEX "Position_boardId_rowId_delegationCode_idx" ON "Position"("boardId", "rowId", "delegationCode");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
