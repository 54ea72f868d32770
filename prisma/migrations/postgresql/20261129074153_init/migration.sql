-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Domain" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "hosting" TEXT NOT NULL DEFAULT 'hosted',
    "dkimSelectors" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Domain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "seq" SERIAL NOT NULL,
    "domainId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "maxAge" INTEGER NOT NULL,
    "mx" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT 'create',
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "CheckRun" (
    "id" TEXT NOT NULL,
    "domainId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'running',
    "summary" TEXT NOT NULL DEFAULT '{}',
    "report" TEXT NOT NULL DEFAULT '{}',
    "actor" TEXT NOT NULL,

    CONSTRAINT "CheckRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" SERIAL NOT NULL,
    "reporterKey" TEXT NOT NULL,
    "organization" TEXT NOT NULL,
    "contactInfo" TEXT,
    "reportId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "startDatetime" TIMESTAMP(3) NOT NULL,
    "endDatetime" TIMESTAMP(3) NOT NULL,
    "reportDay" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "warnings" TEXT NOT NULL DEFAULT '[]',
    "conflict" BOOLEAN NOT NULL DEFAULT false,
    "raw" BYTEA,
    "rawSize" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportPolicy" (
    "id" SERIAL NOT NULL,
    "reportRowId" INTEGER NOT NULL,
    "domainId" TEXT NOT NULL,
    "reportDay" TEXT NOT NULL,
    "policyType" TEXT NOT NULL,
    "policyStrings" TEXT NOT NULL DEFAULT '[]',
    "mxHosts" TEXT NOT NULL DEFAULT '[]',
    "successfulCount" INTEGER NOT NULL,
    "failedCount" INTEGER NOT NULL,

    CONSTRAINT "ReportPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FailureDetail" (
    "id" SERIAL NOT NULL,
    "policyRowId" INTEGER NOT NULL,
    "domainId" TEXT NOT NULL,
    "reportDay" TEXT NOT NULL,
    "resultType" TEXT NOT NULL,
    "sendingMtaIp" TEXT,
    "receivingMxHostname" TEXT,
    "receivingMxHelo" TEXT,
    "receivingIp" TEXT,
    "failedSessionCount" INTEGER NOT NULL,
    "additionalInformation" TEXT,
    "failureReasonCode" TEXT,

    CONSTRAINT "FailureDetail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DailyRollup" (
    "domainId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "mxHost" TEXT NOT NULL,
    "resultType" TEXT NOT NULL,
    "reporterKey" TEXT NOT NULL,
    "sessions" INTEGER NOT NULL,

    CONSTRAINT "DailyRollup_pkey" PRIMARY KEY ("domainId","day","mxHost","resultType","reporterKey")
);

-- CreateTable
CREATE TABLE "RejectedReport" (
    "id" SERIAL NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "channel" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "size" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RejectedReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnknownDomainTally" (
    "submitter" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastSeen" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnknownDomainTally_pkey" PRIMARY KEY ("submitter","domain")
);

-- CreateTable
CREATE TABLE "MailboxAccount" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL DEFAULT 993,
    "security" TEXT NOT NULL DEFAULT 'tls',
    "username" TEXT NOT NULL,
    "passwordSealed" TEXT NOT NULL,
    "folder" TEXT NOT NULL DEFAULT 'INBOX',
    "processedFolder" TEXT NOT NULL DEFAULT 'TLS-RPT/Processed',
    "pollMinutes" INTEGER NOT NULL DEFAULT 15,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "lastPollAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastResult" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailboxAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "domainId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Domain_name_key" ON "Domain"("name");

-- CreateIndex
CREATE INDEX "PolicyVersion_domainId_seq_idx" ON "PolicyVersion"("domainId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyVersion_domainId_policyId_key" ON "PolicyVersion"("domainId", "policyId");

-- CreateIndex
CREATE INDEX "CheckRun_domainId_startedAt_idx" ON "CheckRun"("domainId", "startedAt");

-- CreateIndex
CREATE INDEX "Report_reporterKey_reportId_idx" ON "Report"("reporterKey", "reportId");

-- CreateIndex
CREATE INDEX "Report_reportDay_idx" ON "Report"("reportDay");

-- CreateIndex
CREATE UNIQUE INDEX "Report_reporterKey_reportId_contentHash_key" ON "Report"("reporterKey", "reportId", "contentHash");

-- CreateIndex
CREATE INDEX "ReportPolicy_domainId_reportDay_idx" ON "ReportPolicy"("domainId", "reportDay");

-- CreateIndex
CREATE INDEX "FailureDetail_domainId_reportDay_receivingMxHostname_idx" ON "FailureDetail"("domainId", "reportDay", "receivingMxHostname");

-- CreateIndex
CREATE INDEX "DailyRollup_domainId_day_idx" ON "DailyRollup"("domainId", "day");

-- CreateIndex
CREATE INDEX "RejectedReport_receivedAt_idx" ON "RejectedReport"("receivedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_domainId_at_idx" ON "AuditEvent"("domainId", "at");

-- AddForeignKey
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckRun" ADD CONSTRAINT "CheckRun_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportPolicy" ADD CONSTRAINT "ReportPolicy_reportRowId_fkey" FOREIGN KEY ("reportRowId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportPolicy" ADD CONSTRAINT "ReportPolicy_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FailureDetail" ADD CONSTRAINT "FailureDetail_policyRowId_fkey" FOREIGN KEY ("policyRowId") REFERENCES "ReportPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FailureDetail" ADD CONSTRAINT "FailureDetail_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyRollup" ADD CONSTRAINT "DailyRollup_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE SET NULL ON UPDATE CASCADE;
