-- AlterTable
ALTER TABLE "MailboxAccount" ADD COLUMN     "rejectedFolder" TEXT NOT NULL DEFAULT 'TLS-RPT/Rejected';
