-- CreateIndex
CREATE INDEX "CheckRun_status_finishedAt_startedAt_idx" ON "CheckRun"("status", "finishedAt", "startedAt");
