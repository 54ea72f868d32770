-- Hand-edited: carries the raw bytes over (see below); the unique index comes first for the join.
-- CreateTable
CREATE TABLE "RawInput" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bytes" BLOB NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "RawInput_sha256_key" ON "RawInput"("sha256");

-- Hand-edited: the bytes each Report kept move to RawInput, one row per distinct input
-- (SQLite has no sha256(): those rows are keyed "legacy:<first report id>").
CREATE TEMP TABLE "_raw_first" ("reportRowId" INTEGER PRIMARY KEY, "firstId" INTEGER NOT NULL);
INSERT INTO "_raw_first" ("reportRowId", "firstId")
  SELECT "id", MIN("id") OVER (PARTITION BY "raw") FROM "Report" WHERE "raw" IS NOT NULL;
INSERT INTO "RawInput" ("sha256", "size", "receivedAt", "bytes")
  SELECT 'legacy:' || "id", length("raw"), "receivedAt", "raw" FROM "Report"
  WHERE "id" IN (SELECT "firstId" FROM "_raw_first");

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
    CONSTRAINT "Report_rawInputId_fkey" FOREIGN KEY ("rawInputId") REFERENCES "RawInput" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Report" ("channel", "conflict", "contactInfo", "contentHash", "endDatetime", "id", "organization", "rawSize", "receivedAt", "reportDay", "reportId", "reporterKey", "startDatetime", "warnings", "rawInputId") SELECT "channel", "conflict", "contactInfo", "contentHash", "endDatetime", "id", "organization", "rawSize", "receivedAt", "reportDay", "reportId", "reporterKey", "startDatetime", "warnings",
  (SELECT ri."id" FROM "_raw_first" f JOIN "RawInput" ri ON ri."sha256" = 'legacy:' || f."firstId"
   WHERE f."reportRowId" = "Report"."id") FROM "Report";
DROP TABLE "_raw_first";
DROP TABLE "Report";
ALTER TABLE "new_Report" RENAME TO "Report";
CREATE INDEX "Report_rawInputId_idx" ON "Report"("rawInputId");
CREATE UNIQUE INDEX "Report_reporterKey_reportId_contentHash_key" ON "Report"("reporterKey", "reportId", "contentHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
