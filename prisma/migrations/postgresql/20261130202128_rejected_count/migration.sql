-- AlterTable
ALTER TABLE "RejectedReport" ADD COLUMN     "count" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "RejectedReport_source_receivedAt_idx" ON "RejectedReport"("source", "receivedAt");
