-- CreateTable
CREATE TABLE "MeetingRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "boardId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL,
    "openedById" TEXT NOT NULL,
    "openedByName" TEXT NOT NULL,
    "closedAt" DATETIME,
    "sectionsJson" TEXT NOT NULL,
    "generatedAt" DATETIME NOT NULL,
    "finalisedAt" DATETIME,
    "finalisedByName" TEXT,
    "fingerprint" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MeetingRecord_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRecord_boardId_number_key" ON "MeetingRecord"("boardId", "number");
