-- AlterTable
ALTER TABLE "WatchFinding" ADD COLUMN     "i18n" TEXT;
