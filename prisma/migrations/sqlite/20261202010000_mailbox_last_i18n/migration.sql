-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MailboxAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL DEFAULT 993,
    "security" TEXT NOT NULL DEFAULT 'tls',
    "username" TEXT NOT NULL,
    "passwordSealed" TEXT NOT NULL,
    "folder" TEXT NOT NULL DEFAULT 'INBOX',
    "processedFolder" TEXT NOT NULL DEFAULT 'TLS-RPT/Processed',
    "rejectedFolder" TEXT NOT NULL DEFAULT 'TLS-RPT/Rejected',
    "pollMinutes" INTEGER NOT NULL DEFAULT 15,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "lastPollAt" DATETIME,
    "lastError" TEXT,
    "lastResult" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastI18n" TEXT
);
INSERT INTO "new_MailboxAccount" ("createdAt", "enabled", "folder", "host", "id", "label", "lastError", "lastPollAt", "lastResult", "passwordSealed", "pollMinutes", "port", "processedFolder", "rejectedFolder", "security", "username") SELECT "createdAt", "enabled", "folder", "host", "id", "label", "lastError", "lastPollAt", "lastResult", "passwordSealed", "pollMinutes", "port", "processedFolder", "rejectedFolder", "security", "username" FROM "MailboxAccount";
DROP TABLE "MailboxAccount";
ALTER TABLE "new_MailboxAccount" RENAME TO "MailboxAccount";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
