import { notFound } from "next/navigation";
import { QuarantineList } from "@/components/ingest/quarantine-list";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listQuarantine } from "@/lib/db/reports/quarantine";
import { loadDomain } from "../../load-domain";
import { reportsTitle } from "../reports-title";

export const generateMetadata = reportsTitle("quarantine");

// RPT-DELIV-7: admins decide which unauthenticated reporters count.
export default async function QuarantinePage({ params }: { params: Promise<{ name: string }> }) {
  await requirePageUser("admin");
  const db = await getDb();
  const domain = await loadDomain((await params).name);
  if (!domain) notFound();
  return <QuarantineList domain={domain.name} initial={await listQuarantine(db, domain.id)} />;
}
