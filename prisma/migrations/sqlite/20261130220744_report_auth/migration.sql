-- CreateTable
CREATE TABLE "AcceptedReporter" (
    "reporterKey" TEXT NOT NULL PRIMARY KEY,
    "acceptedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedBy" TEXT NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Report" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reporterKey" TEXT NOT NULL,
    "organization" TEXT NOT NULL,
    "contactInfo" TEXT,
    "reportId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "startDatetime" DATETIME NOT NULL,
    "endDatetime" DATETIME NOT NULL,
    "reportDay" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "warnings" TEXT NOT NULL DEFAULT '[]',
    "conflict" BOOLEAN NOT NULL DEFAULT false,
    "rawInputId" INTEGER,
    "rawSize" INTEGER NOT NULL DEFAULT 0,
    "auth" TEXT NOT NULL DEFAULT 'unauthenticated',
    "authDomain" TEXT,
    CONSTRAINT "Report_rawInputId_fkey" FOREIGN KEY ("rawInputId") REFERENCES "RawInput" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Report" ("channel", "conflict", "contactInfo", "contentHash", "endDatetime", "id", "organization", "rawInputId", "rawSize", "receivedAt", "reportDay", "reportId", "reporterKey", "startDatetime", "warnings") SELECT "channel", "conflict", "contactInfo", "contentHash", "endDatetime", "id", "organization", "rawInputId", "rawSize", "receivedAt", "reportDay", "reportId", "reporterKey", "startDatetime", "warnings" FROM "Report";
DROP TABLE "Report";
ALTER TABLE "new_Report" RENAME TO "Report";
CREATE INDEX "Report_rawInputId_idx" ON "Report"("rawInputId");
CREATE INDEX "Report_auth_channel_idx" ON "Report"("auth", "channel");
CREATE UNIQUE INDEX "Report_reporterKey_reportId_contentHash_key" ON "Report"("reporterKey", "reportId", "contentHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
