import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HttpsChannel } from "@/components/ingest/https-channel";
import { UnknownDomainsTable } from "@/components/ingest/intake-tables";
import { RejectedList } from "@/components/ingest/rejected-list";
import { MailboxAdmin } from "@/components/ingest/mailbox-admin";
import { UploadReports } from "@/components/ingest/upload-reports";
import { ScheduledJobs } from "@/components/jobs/scheduled-jobs";
import { requirePageUser } from "@/lib/auth/session";
import { reportEndpoint } from "@/lib/config/report-endpoint";
import { settings } from "@/lib/config/settings";
import { getDb } from "@/lib/db/client";
import { listMailboxes } from "@/lib/db/mailboxes/imap-accounts";
import { listUnknownDomains } from "@/lib/db/reports/received";
import { pageRejected } from "@/lib/db/reports/rejected-page";
import { parseRejectedParams } from "@/lib/lists/audit-params";
import type { SearchParams } from "@/lib/lists/params";
import { listScheduledJobs } from "@/lib/scheduler/job-status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requirePageUser("admin");
  const t = await getTranslations("settings");
  const db = await getDb();
  // Issue 16: the rejected submissions' filter and cursor come from the URL.
  const rejectedState = parseRejectedParams(await searchParams);
  const [mailboxes, rejected, unknown, jobs] = await Promise.all([
    listMailboxes(db),
    pageRejected(db, rejectedState.params),
    listUnknownDomains(db),
    listScheduledJobs(db),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold text-slate-900">{t("heading")}</h1>
      <HttpsChannel endpoint={reportEndpoint()} />
      <MailboxAdmin
        mailboxes={mailboxes.map((m) => ({
          ...m,
          lastPollAt: m.lastPollAt?.toISOString() ?? null,
        }))}
        allowPlainImap={settings().STS_ALLOW_PLAIN_IMAP}
      />
      <UploadReports />
      <RejectedList page={rejected} {...rejectedState} />
      <UnknownDomainsTable rows={unknown} />
      <ScheduledJobs jobs={jobs} />
    </div>
  );
}
