-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "boardId" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,
    "cell" TEXT,
    "parentId" TEXT,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "delegationCode" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" DATETIME,
    "deletedAt" DATETIME,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    CONSTRAINT "Comment_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Mention" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "commentId" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "readAt" DATETIME,
    CONSTRAINT "Mention_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Position" (
    "id" TEXT NOT NULL PRIMARY KEY,
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

-- CreateTable
CREATE TABLE "RowWorkflow" (
    "boardId" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "procedure" TEXT,
    "proposedAt" DATETIME,
    "proposedById" TEXT,
    "silenceDeadline" DATETIME,
    "contentHash" TEXT,
    "agreedAt" DATETIME,
    "brokenByDelegation" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("boardId", "rowId"),
    CONSTRAINT "RowWorkflow_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublishedVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "boardId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT NOT NULL,
    "publishedByName" TEXT NOT NULL,
    "snapshotJson" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "yjsState" BLOB NOT NULL,
    CONSTRAINT "PublishedVersion_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
