-- AlterTable
ALTER TABLE "Board" ADD COLUMN     "marking" TEXT,
ADD COLUMN     "releasability" TEXT;
