-- DropIndex
DROP INDEX "Report_reporterKey_reportId_idx";

-- DropIndex
DROP INDEX "Report_reportDay_idx";
