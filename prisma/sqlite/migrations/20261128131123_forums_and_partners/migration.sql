-- AlterTable
ALTER TABLE "Board" ADD COLUMN "forum" TEXT DEFAULT 'joint';

-- AlterTable
ALTER TABLE "Delegation" ADD COLUMN "partner" BOOLEAN DEFAULT false;
