-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Domain" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "hosting" TEXT NOT NULL DEFAULT 'hosted',
    "dkimSelectors" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "domainId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "maxAge" INTEGER NOT NULL,
    "mx" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT 'create',
    "actor" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PolicyVersion_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CheckRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "domainId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'running',
    "summary" TEXT NOT NULL DEFAULT '{}',
    "report" TEXT NOT NULL DEFAULT '{}',
    "actor" TEXT NOT NULL,
    CONSTRAINT "CheckRun_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Report" (
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
    "raw" BLOB,
    "rawSize" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "ReportPolicy" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reportRowId" INTEGER NOT NULL,
    "domainId" TEXT NOT NULL,
    "reportDay" TEXT NOT NULL,
    "policyType" TEXT NOT NULL,
    "policyStrings" TEXT NOT NULL DEFAULT '[]',
    "mxHosts" TEXT NOT NULL DEFAULT '[]',
    "successfulCount" INTEGER NOT NULL,
    "failedCount" INTEGER NOT NULL,
    CONSTRAINT "ReportPolicy_reportRowId_fkey" FOREIGN KEY ("reportRowId") REFERENCES "Report" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportPolicy_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FailureDetail" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    CONSTRAINT "FailureDetail_policyRowId_fkey" FOREIGN KEY ("policyRowId") REFERENCES "ReportPolicy" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FailureDetail_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DailyRollup" (
    "domainId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "mxHost" TEXT NOT NULL,
    "resultType" TEXT NOT NULL,
    "reporterKey" TEXT NOT NULL,
    "sessions" INTEGER NOT NULL,

    PRIMARY KEY ("domainId", "day", "mxHost", "resultType", "reporterKey"),
    CONSTRAINT "DailyRollup_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RejectedReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "channel" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "size" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "UnknownDomainTally" (
    "submitter" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastSeen" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("submitter", "domain")
);

-- CreateTable
CREATE TABLE "MailboxAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "lastPollAt" DATETIME,
    "lastError" TEXT,
    "lastResult" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "domainId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "AuditEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditEvent_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
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
