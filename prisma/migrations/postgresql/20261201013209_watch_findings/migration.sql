-- CreateTable
CREATE TABLE "WatchFinding" (
    "id" TEXT NOT NULL,
    "domainId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "fix" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "checkRunId" TEXT,
    "openKey" TEXT,

    CONSTRAINT "WatchFinding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WatchFinding_openKey_key" ON "WatchFinding"("openKey");

-- CreateIndex
CREATE INDEX "WatchFinding_domainId_openedAt_idx" ON "WatchFinding"("domainId", "openedAt");

-- CreateIndex
CREATE INDEX "WatchFinding_domainId_resolvedAt_idx" ON "WatchFinding"("domainId", "resolvedAt");

-- AddForeignKey
ALTER TABLE "WatchFinding" ADD CONSTRAINT "WatchFinding_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;
