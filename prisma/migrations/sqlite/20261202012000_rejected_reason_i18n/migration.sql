-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RejectedReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "channel" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "size" INTEGER NOT NULL DEFAULT 0,
    "count" INTEGER NOT NULL DEFAULT 1,
    "reasonI18n" TEXT
);
INSERT INTO "new_RejectedReport" ("channel", "count", "id", "reason", "receivedAt", "size", "source") SELECT "channel", "count", "id", "reason", "receivedAt", "size", "source" FROM "RejectedReport";
DROP TABLE "RejectedReport";
ALTER TABLE "new_RejectedReport" RENAME TO "RejectedReport";
CREATE INDEX "RejectedReport_receivedAt_idx" ON "RejectedReport"("receivedAt");
CREATE INDEX "RejectedReport_source_receivedAt_idx" ON "RejectedReport"("source", "receivedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
