import { notFound } from "next/navigation";
import { ReportDashboard } from "@/components/charts/report-dashboard";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getDomainStats } from "@/lib/db/stats/get-domain-stats";
import { resolveRange } from "@/lib/stats/resolve-range";
import { loadDomain } from "../load-domain";
import { reportsTitle } from "./reports-title";

type Props = {
  params: Promise<{ name: string }>;
  searchParams: Promise<{ days?: string; from?: string; to?: string; mx?: string }>;
};

export const generateMetadata = reportsTitle("reports");

export default async function ReportsPage({ params, searchParams }: Props) {
  await requirePageUser();
  const db = await getDb();
  const domain = await loadDomain((await params).name);
  if (!domain) notFound();
  const q = await searchParams;
  const range = resolveRange(q, new Date());
  const fallback = resolveRange({}, new Date());
  const r = range.ok ? range.value : fallback.ok ? fallback.value : null;
  if (!r) notFound();
  const initial = await getDomainStats(db, domain, r, q.mx ?? null);
  return <ReportDashboard domain={domain.name} initial={initial} />;
}
