-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "auth" TEXT NOT NULL DEFAULT 'unauthenticated',
ADD COLUMN     "authDomain" TEXT;

-- CreateTable
CREATE TABLE "AcceptedReporter" (
    "reporterKey" TEXT NOT NULL,
    "acceptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedBy" TEXT NOT NULL,

    CONSTRAINT "AcceptedReporter_pkey" PRIMARY KEY ("reporterKey")
);

-- CreateIndex
CREATE INDEX "Report_auth_channel_idx" ON "Report"("auth", "channel");
