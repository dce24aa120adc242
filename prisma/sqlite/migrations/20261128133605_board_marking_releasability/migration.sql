-- AlterTable
ALTER TABLE "Board" ADD COLUMN "marking" TEXT;
ALTER TABLE "Board" ADD COLUMN "releasability" TEXT;
