import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MxProposalCard } from "@/components/rollout/mx-proposal";
import { PolicyEditor } from "@/components/rollout/policy-editor";
import { PolicyHistory } from "@/components/rollout/policy-history";
import { StepHeading } from "@/components/rollout/step-heading";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listPolicyVersions } from "@/lib/db/policies/policies";
import { loadRolloutFacts } from "@/lib/db/policies/rollout-step-facts";
import { proposeMaxAge, proposeMxPatterns } from "@/lib/mta-sts/propose";
import { liveMxHosts } from "@/lib/rollout/live";
import { liveMxNotes } from "@/lib/rollout/live-mx-notes";
import { rolloutState } from "@/lib/rollout/step-state";
import { loadDomain } from "../load-domain";
import { domainTitle } from "../page-title";

export const generateMetadata = domainTitle("Policy");

export default async function PolicyPage({ params }: { params: Promise<{ name: string }> }) {
  const user = await requirePageUser();
  const db = await getDb();
  const domain = await loadDomain((await params).name);
  if (!domain) notFound();
  const [versions, facts, liveMx] = await Promise.all([
    listPolicyVersions(db, domain.id),
    loadRolloutFacts(db, domain.id),
    liveMxHosts(domain.name),
  ]);
  const t = await getTranslations("wizard.policy");
  const current = versions[0] ?? null;
  const proposal = liveMx ? proposeMxPatterns(liveMx) : null;
  // A new policy starts in testing with the proposals; an edit starts from the current one.
  const start = current
    ? { mode: current.mode, maxAge: current.maxAge, mx: current.mx }
    : {
        mode: "testing" as const,
        maxAge: proposeMaxAge("testing", null, new Date()).maxAge,
        mx: proposal?.patterns ?? [],
      };
  return (
    <div className="space-y-6">
      <StepHeading n={2} title={t("title")} state={rolloutState(facts).policy} />
      <MxProposalCard
        liveMx={liveMx}
        proposal={proposal}
        notes={liveMxNotes(liveMx, proposal, current)}
        hasPolicy={current !== null}
      />
      {user.role === "admin" ? (
        <PolicyEditor
          domain={domain.name}
          start={start}
          liveMx={liveMx ?? []}
          currentBody={current?.body ?? null}
        />
      ) : (
        <p className="text-sm text-slate-600">{t("adminsOnly")}</p>
      )}
      <PolicyHistory
        versions={versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() }))}
      />
    </div>
  );
}
