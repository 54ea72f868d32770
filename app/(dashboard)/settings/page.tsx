import type { Metadata } from "next";
import { HttpsChannel } from "@/components/ingest/https-channel";
import { RejectedTable, UnknownDomainsTable } from "@/components/ingest/intake-tables";
import { MailboxAdmin } from "@/components/ingest/mailbox-admin";
import { UploadReports } from "@/components/ingest/upload-reports";
import { ScheduledJobs } from "@/components/jobs/scheduled-jobs";
import { requirePageUser } from "@/lib/auth/session";
import { reportEndpoint } from "@/lib/config/report-endpoint";
import { settings } from "@/lib/config/settings";
import { getDb } from "@/lib/db/client";
import { listMailboxes } from "@/lib/db/mailboxes/imap-accounts";
import { listUnknownDomains } from "@/lib/db/reports/received";
import { listRejected } from "@/lib/db/reports/rejected";
import { listScheduledJobs } from "@/lib/scheduler/job-status";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePageUser("admin");
  const db = await getDb();
  const [mailboxes, rejected, unknown, jobs] = await Promise.all([
    listMailboxes(db),
    listRejected(db),
    listUnknownDomains(db),
    listScheduledJobs(db),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold text-slate-900">Settings: report channels</h1>
      <HttpsChannel endpoint={reportEndpoint()} />
      <MailboxAdmin
        mailboxes={mailboxes.map((m) => ({
          ...m,
          lastPollAt: m.lastPollAt?.toISOString() ?? null,
        }))}
        allowPlainImap={settings().STS_ALLOW_PLAIN_IMAP}
      />
      <UploadReports />
      <RejectedTable rows={rejected} />
      <UnknownDomainsTable rows={unknown} />
      <ScheduledJobs jobs={jobs} />
    </div>
  );
}
