-- CreateTable
CREATE TABLE "Bracket" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "boardId" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "resolvedByName" TEXT,
    "chosenAlternativeId" INTEGER,
    CONSTRAINT "Bracket_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BracketAlternative" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "bracketId" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "proposedByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BracketAlternative_bracketId_fkey" FOREIGN KEY ("bracketId") REFERENCES "Bracket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BracketSponsor" (
    "alternativeId" INTEGER NOT NULL,
    "delegationCode" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "userName" TEXT NOT NULL,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leftAt" DATETIME,

    PRIMARY KEY ("alternativeId", "delegationCode"),
    CONSTRAINT "BracketSponsor_alternativeId_fkey" FOREIGN KEY ("alternativeId") REFERENCES "BracketAlternative" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Bracket_boardId_state_idx" ON "Bracket"("boardId", "state");

-- CreateIndex
CREATE INDEX "BracketAlternative_bracketId_idx" ON "BracketAlternative"("bracketId");
