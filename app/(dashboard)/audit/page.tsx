import type { Metadata } from "next";
import { AuditList } from "@/components/audit/audit-list";
import { requirePageUser } from "@/lib/auth/session";
import { listAudit } from "@/lib/db/audit/audit";
import { getDb } from "@/lib/db/client";
import { listDomains } from "@/lib/db/domains/domains";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requirePageUser();
  const db = await getDb();
  const [events, domains] = await Promise.all([listAudit(db, { limit: 200 }), listDomains(db)]);
  const names = new Map(domains.map((d) => [d.id, d.displayName]));
  return (
    <AuditList
      events={events.map((e) => ({
        ...e,
        domain: e.domainId ? (names.get(e.domainId) ?? null) : null,
      }))}
    />
  );
}
