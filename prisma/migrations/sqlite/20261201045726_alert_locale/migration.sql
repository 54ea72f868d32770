-- AlterTable
ALTER TABLE "Alert" ADD COLUMN "i18n" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AlertSettings" (
    "domainId" TEXT NOT NULL PRIMARY KEY,
    "emailEnabled" BOOLEAN NOT NULL DEFAULT false,
    "emailRecipients" TEXT NOT NULL DEFAULT '',
    "webhookEnabled" BOOLEAN NOT NULL DEFAULT false,
    "webhookUrl" TEXT NOT NULL DEFAULT '',
    "webhookFormat" TEXT NOT NULL DEFAULT 'standard',
    "webhookSecretSealed" TEXT,
    "disabledKinds" TEXT NOT NULL DEFAULT '[]',
    "locale" TEXT NOT NULL DEFAULT 'en',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AlertSettings_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AlertSettings" ("disabledKinds", "domainId", "emailEnabled", "emailRecipients", "updatedAt", "webhookEnabled", "webhookFormat", "webhookSecretSealed", "webhookUrl") SELECT "disabledKinds", "domainId", "emailEnabled", "emailRecipients", "updatedAt", "webhookEnabled", "webhookFormat", "webhookSecretSealed", "webhookUrl" FROM "AlertSettings";
DROP TABLE "AlertSettings";
ALTER TABLE "new_AlertSettings" RENAME TO "AlertSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
