-- Hand-edited: WITHOUT ROWID (see the comment on DailyRollup in prisma/schema.prisma).
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DailyRollup" (
    "domainId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "mxHost" TEXT NOT NULL,
    "resultType" TEXT NOT NULL,
    "reporterKey" TEXT NOT NULL,
    "sessions" INTEGER NOT NULL,

    PRIMARY KEY ("domainId", "mxHost", "day", "resultType", "reporterKey"),
    CONSTRAINT "DailyRollup_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain" ("id") ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;
INSERT INTO "new_DailyRollup" ("day", "domainId", "mxHost", "reporterKey", "resultType", "sessions") SELECT "day", "domainId", "mxHost", "reporterKey", "resultType", "sessions" FROM "DailyRollup";
DROP TABLE "DailyRollup";
ALTER TABLE "new_DailyRollup" RENAME TO "DailyRollup";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
