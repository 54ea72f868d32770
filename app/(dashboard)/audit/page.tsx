import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditPageView } from "@/components/audit/audit-page-view";
import { requirePageUser } from "@/lib/auth/session";
import { auditActions, pageAudit } from "@/lib/db/audit/audit-page";
import { getDb } from "@/lib/db/client";
import { listDomains } from "@/lib/db/domains/domains";
import { parseAuditParams } from "@/lib/lists/audit-params";
import type { SearchParams } from "@/lib/lists/params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser();
  const db = await getDb();
  const actions = await auditActions(db);
  // Issue 16: filters and the cursor come from the URL.
  const { params, problemRefs } = parseAuditParams(await searchParams, actions);
  const [page, domains] = await Promise.all([pageAudit(db, params), listDomains(db)]);
  const names = new Map(domains.map((d) => [d.id, d.displayName]));
  return (
    <AuditPageView
      events={page.events.map((e) => ({
        ...e,
        domain: e.domainId ? (names.get(e.domainId) ?? null) : null,
      }))}
      next={page.next}
      actions={actions}
      params={params}
      problems={problemRefs}
    />
  );
}
