-- CreateTable
CREATE TABLE "DomainVerdict" (
    "domainId" TEXT NOT NULL,
    "inputsVersion" INTEGER NOT NULL DEFAULT 1,
    "computedVersion" INTEGER NOT NULL DEFAULT 0,
    "rulesVersion" INTEGER NOT NULL DEFAULT 0,
    "ready" BOOLEAN NOT NULL DEFAULT false,
    "metCount" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "unmet" TEXT NOT NULL DEFAULT '[]',
    "summary" TEXT NOT NULL DEFAULT '',
    "computedAt" TIMESTAMP(3),
    "staleAfter" TIMESTAMP(3),

    CONSTRAINT "DomainVerdict_pkey" PRIMARY KEY ("domainId")
);

-- AddForeignKey
ALTER TABLE "DomainVerdict" ADD CONSTRAINT "DomainVerdict_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;
