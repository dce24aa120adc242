-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "boardId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "rowIds" TEXT NOT NULL,
    "startedAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgendaItem_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BoardMeeting" (
    "boardId" TEXT NOT NULL PRIMARY KEY,
    "currentItemId" TEXT,
    "speakerDelegationCode" TEXT,
    "speakerDelegationName" TEXT,
    "speakingSince" DATETIME,
    "speakingSeconds" INTEGER,
    "timerSeconds" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BoardMeeting_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FloorRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "boardId" TEXT NOT NULL,
    "delegationCode" TEXT NOT NULL,
    "delegationName" TEXT NOT NULL,
    "raisedById" TEXT NOT NULL,
    "raisedByName" TEXT NOT NULL,
    "raisedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FloorRequest_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AgendaItem_boardId_position_idx" ON "AgendaItem"("boardId", "position");

-- CreateIndex
CREATE INDEX "FloorRequest_boardId_id_idx" ON "FloorRequest"("boardId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "FloorRequest_boardId_delegationCode_key" ON "FloorRequest"("boardId", "delegationCode");
