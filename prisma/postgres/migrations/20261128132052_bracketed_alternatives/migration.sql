-- CreateTable
CREATE TABLE "Bracket" (
    "id" SERIAL NOT NULL,
    "boardId" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "resolvedByName" TEXT,
    "chosenAlternativeId" INTEGER,

    CONSTRAINT "Bracket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BracketAlternative" (
    "id" SERIAL NOT NULL,
    "bracketId" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "proposedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BracketAlternative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BracketSponsor" (
    "alternativeId" INTEGER NOT NULL,
    "delegationCode" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "userName" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leftAt" TIMESTAMP(3),

    CONSTRAINT "BracketSponsor_pkey" PRIMARY KEY ("alternativeId","delegationCode")
);

-- CreateIndex
CREATE INDEX "Bracket_boardId_state_idx" ON "Bracket"("boardId", "state");

-- CreateIndex
CREATE INDEX "BracketAlternative_bracketId_idx" ON "BracketAlternative"("bracketId");

-- AddForeignKey
ALTER TABLE "Bracket" ADD CONSTRAINT "Bracket_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BracketAlternative" ADD CONSTRAINT "BracketAlternative_bracketId_fkey" FOREIGN KEY ("bracketId") REFERENCES "Bracket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BracketSponsor" ADD CONSTRAINT "BracketSponsor_alternativeId_fkey" FOREIGN KEY ("alternativeId") REFERENCES "BracketAlternative"("id") ON DELETE CASCADE ON UPDATE CASCADE;
