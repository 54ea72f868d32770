-- AlterTable
ALTER TABLE "MailboxAccount" ADD COLUMN     "lastI18n" TEXT;
