-- AlterTable
ALTER TABLE "RejectedReport" ADD COLUMN     "reasonI18n" TEXT;
