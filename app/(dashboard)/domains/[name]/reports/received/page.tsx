import { notFound } from "next/navigation";
import { ReceivedList } from "@/components/ingest/received-list";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listReceivedReports } from "@/lib/db/reports/received";
import type { SearchParams } from "@/lib/lists/params";
import { parseReceivedParams } from "@/lib/lists/received-params";
import { loadDomain } from "../../load-domain";
import { reportsTitle } from "../reports-title";

export const generateMetadata = reportsTitle("received");

export default async function ReceivedReportsPage({
  params,
  searchParams,
}: {
  params: Promise<{ name: string }>;
  searchParams: Promise<SearchParams>;
}) {
  await requirePageUser();
  const db = await getDb();
  const domain = await loadDomain((await params).name);
  if (!domain) notFound();
  // Issue 16: filters and the cursor come from the URL.
  const list = parseReceivedParams(await searchParams);
  const page = await listReceivedReports(db, domain.id, list.params);
  return (
    <ReceivedList
      domain={domain.name}
      page={page}
      params={list.params}
      problemRefs={list.problemRefs}
    />
  );
}
