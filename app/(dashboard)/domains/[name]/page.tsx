import { notFound } from "next/navigation";
import { RolloutSteps } from "@/components/rollout/rollout-steps";
import { ReportsSummary } from "@/components/reports/reports-summary";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { loadRolloutFacts } from "@/lib/db/policies/rollout-step-facts";
import { getDomainHealth } from "@/lib/db/stats/get-domain-health";
import { rolloutState } from "@/lib/rollout/step-state";
import { loadDomain } from "./load-domain";
import { domainTitle } from "./page-title";

type Props = { params: Promise<{ name: string }> };

export const generateMetadata = domainTitle("Overview");

export default async function DomainPage({ params }: Props) {
  await requirePageUser();
  const domain = await loadDomain((await params).name);
  if (!domain) notFound();
  const db = await getDb();
  const [facts, health] = await Promise.all([
    loadRolloutFacts(db, domain.id),
    getDomainHealth(db, domain.id),
  ]);
  return (
    <div className="space-y-6">
      <RolloutSteps domain={domain} state={rolloutState(facts)} />
      <ReportsSummary domain={domain} health={health} />
    </div>
  );
}
