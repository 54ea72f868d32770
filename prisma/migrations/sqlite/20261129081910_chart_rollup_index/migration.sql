-- DropIndex
DROP INDEX "DailyRollup_domainId_day_idx";

-- CreateIndex
CREATE INDEX "DailyRollup_domainId_mxHost_day_resultType_reporterKey_sessions_idx" ON "DailyRollup"("domainId", "mxHost", "day", "resultType", "reporterKey", "sessions");
