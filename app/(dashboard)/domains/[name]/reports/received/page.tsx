import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReceivedTable } from "@/components/ingest/received-table";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listReceivedReports } from "@/lib/db/reports/received";
import { loadDomain } from "../../load-domain";

export const metadata: Metadata = { title: "Received reports" };

export default async function ReceivedReportsPage({
  params,
}: {
  params: Promise<{ name: string }>;
}) {
  await requirePageUser();
  const db = await getDb();
  const domain = await loadDomain((await params).name);
  if (!domain) notFound();
  return <ReceivedTable domain={domain.name} rows={await listReceivedReports(db, domain.id)} />;
}
