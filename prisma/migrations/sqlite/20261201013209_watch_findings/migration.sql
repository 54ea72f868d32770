-- CreateTable
CREATE TABLE "WatchFinding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "domainId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "fix" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "resolvedAt" DATETIME,
    "checkRunId" TEXT,
    "openKey" TEXT,
    CONSTRAINT "WatchFinding_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "WatchFinding_openKey_key" ON "WatchFinding"("openKey");

-- CreateIndex
CREATE INDEX "WatchFinding_domainId_openedAt_idx" ON "WatchFinding"("domainId", "openedAt");

-- CreateIndex
CREATE INDEX "WatchFinding_domainId_resolvedAt_idx" ON "WatchFinding"("domainId", "resolvedAt");
