-- DropIndex
DROP INDEX "DailyRollup_domainId_mxHost_day_resultType_reporterKey_sess_idx";

-- AlterTable
ALTER TABLE "DailyRollup" DROP CONSTRAINT "DailyRollup_pkey",
ADD CONSTRAINT "DailyRollup_pkey" PRIMARY KEY ("domainId", "mxHost", "day", "resultType", "reporterKey");
