-- AlterTable
ALTER TABLE "Position" ADD COLUMN     "contentHash" TEXT;

-- CreateTable
CREATE TABLE "BoardRemoval" (
    "boardId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "removedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BoardRemoval_pkey" PRIMARY KEY ("boardId","userId")
);

-- AddForeignKey
ALTER TABLE "BoardRemoval" ADD CONSTRAINT "BoardRemoval_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;
