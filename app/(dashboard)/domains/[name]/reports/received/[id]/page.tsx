import { notFound } from "next/navigation";
import { ReportDetail } from "@/components/ingest/report-detail";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getReceivedReport } from "@/lib/db/reports/received";
import { rawAsText } from "@/lib/ingest/raw-text";
import { loadDomain } from "../../../load-domain";
import { reportsTitle } from "../../reports-title";

export const generateMetadata = reportsTitle("receivedOne");

export default async function ReceivedReportPage({
  params,
}: {
  params: Promise<{ name: string; id: string }>;
}) {
  await requirePageUser();
  const { name, id } = await params;
  const db = await getDb();
  const domain = await loadDomain(name);
  const rowId = Number(id);
  if (!domain || !Number.isSafeInteger(rowId)) notFound();
  const report = await getReceivedReport(db, domain.id, rowId);
  if (!report) notFound();
  return <ReportDetail domain={domain.name} report={report} raw={rawAsText(report.raw)} />;
}
