import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RolloutSteps } from "@/components/rollout/rollout-steps";
import { ReportsSummary } from "@/components/reports/reports-summary";
import { requirePageUser } from "@/lib/auth/session";
import { loadDomain } from "./load-domain";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).name) };
}

export default async function DomainPage({ params }: Props) {
  const user = await requirePageUser();
  const domain = await loadDomain((await params).name);
  if (!domain) notFound();
  return (
    <div className="space-y-6">
      <RolloutSteps domain={domain} canEdit={user.role === "admin"} />
      <ReportsSummary domain={domain} />
    </div>
  );
}
