-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,
    "cell" TEXT,
    "parentId" TEXT,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "delegationCode" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mention" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Mention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Position" (
    "id" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,
    "delegationCode" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "text" TEXT,
    "recordedById" TEXT NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RowWorkflow" (
    "boardId" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "procedure" TEXT,
    "proposedAt" TIMESTAMP(3),
    "proposedById" TEXT,
    "silenceDeadline" TIMESTAMP(3),
    "contentHash" TEXT,
    "agreedAt" TIMESTAMP(3),
    "brokenByDelegation" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RowWorkflow_pkey" PRIMARY KEY ("boardId","rowId")
);

-- CreateTable
CREATE TABLE "PublishedVersion" (
    "id" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT NOT NULL,
    "publishedByName" TEXT NOT NULL,
    "snapshotJson" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "yjsState" BYTEA NOT NULL,

    CONSTRAINT "PublishedVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Comment_boardId_rowId_idx" ON "Comment"("boardId", "rowId");

-- CreateIndex
CREATE INDEX "Mention_userId_boardId_idx" ON "Mention"("userId", "boardId");

-- CreateIndex
CREATE INDEX "Position_boardId_rowId_delegationCode_idx" ON "Position"("boardId", "rowId", "delegationCode");

-- CreateIndex
CREATE INDEX "RowWorkflow_state_silenceDeadline_idx" ON "RowWorkflow"("state", "silenceDeadline");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedVersion_boardId_number_key" ON "PublishedVersion"("boardId", "number");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RowWorkflow" ADD CONSTRAINT "RowWorkflow_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedVersion" ADD CONSTRAINT "PublishedVersion_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
