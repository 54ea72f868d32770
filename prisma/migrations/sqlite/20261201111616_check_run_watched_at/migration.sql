-- AlterTable
ALTER TABLE "CheckRun" ADD COLUMN "watchedAt" DATETIME;
