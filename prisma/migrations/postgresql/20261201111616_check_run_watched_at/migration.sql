-- AlterTable
ALTER TABLE "CheckRun" ADD COLUMN     "watchedAt" TIMESTAMP(3);
