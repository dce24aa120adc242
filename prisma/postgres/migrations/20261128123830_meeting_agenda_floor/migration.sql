-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "rowIds" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BoardMeeting" (
    "boardId" TEXT NOT NULL,
    "currentItemId" TEXT,
    "speakerDelegationCode" TEXT,
    "speakerDelegationName" TEXT,
    "speakingSince" TIMESTAMP(3),
    "speakingSeconds" INTEGER,
    "timerSeconds" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BoardMeeting_pkey" PRIMARY KEY ("boardId")
);

-- CreateTable
CREATE TABLE "FloorRequest" (
    "id" SERIAL NOT NULL,
    "boardId" TEXT NOT NULL,
    "delegationCode" TEXT NOT NULL,
    "delegationName" TEXT NOT NULL,
    "raisedById" TEXT NOT NULL,
    "raisedByName" TEXT NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FloorRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AgendaItem_boardId_position_idx" ON "AgendaItem"("boardId", "position");

-- CreateIndex
CREATE INDEX "FloorRequest_boardId_id_idx" ON "FloorRequest"("boardId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "FloorRequest_boardId_delegationCode_key" ON "FloorRequest"("boardId", "delegationCode");

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoardMeeting" ADD CONSTRAINT "BoardMeeting_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FloorRequest" ADD CONSTRAINT "FloorRequest_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
